// The article's authors from the sources a page gives (JSON-LD, meta tags, bylines in the page):
// the first source that names a person wins; its logins and first names are spelled out from a
// later source or from a profile link; outlets named as authors count only when no person is.
import type { Author } from '../core/records.ts';
import { cleanAuthorName, isOutletName, mergeAuthors } from './author-names.ts';
import { SPACE_RUNS } from './loose-key.ts';
import { wholeReporterLine } from './reporter-line.ts';

/** The page, as far as profile links are read from it. */
export interface AuthorLinkDocument {
  querySelectorAll(sel: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** An author value that is a whole reporter line ("홍길동 기자 hong@…", "한빛일보 홍길동 기자", "홍길동,김철수 기자"), as its authors (names, outlet, address); the value as it is otherwise. */
export function asReporterLine(a: Author): Author[] {
  const line = wholeReporterLine(a.name);
  return line ? line.map((x) => ({ ...a, ...x, ...(x.email ?? a.email ? { email: x.email ?? a.email } : {}) })) : [a];
}

/** True for a Latin-script name of one word: a first name alone or a login ("jane_doe", "jane.doe", "janedoe"). Korean and Chinese names are written without spaces and are whole. */
function isHandleOrFirstName(name: string): boolean {
  return /^[\p{Script=Latin}\p{N}._-]+$/u.test(name.trim());
}

/** Folded words of a name: lower case, accents dropped. */
function nameWords(name: string): string[] {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** True when `full` is the name `short` abbreviates: its first name, its words joined, or all of a login's parts. */
function extendsName(short: string, full: string): boolean {
  const parts = nameWords(short);
  const words = nameWords(full);
  if (words.length < 2 || parts.length === 0 || /[,;&]/.test(full)) return false;
  if (parts.length === 1) return words[0] === parts[0] || words.join('') === parts[0];
  return parts.every((p) => words.includes(p));
}

/** `people` with each one-word name replaced by the full name a later source gives for it, when one does. */
function fullerNames(people: Author[], later: readonly (() => Author[])[]): Author[] {
  for (const source of later) {
    const names = source();
    const out = people.map((a) => {
      const full = names.find((b) => extendsName(a.name, b.name));
      return full ? { ...a, name: full.name } : a;
    });
    if (out.some((a, i) => a !== people[i])) return mergeAuthors(out);
  }
  return people;
}

/** Words of a link to a profile that are not a name ("View profile", "All posts"). */
const PROFILE_LINK_WORDS = /\b(?:profile|profil|view|see|all|posts|articles|stories|more|follow|author|page|home)\b/i;

/** The name the page writes in a link to the profile page of login `handle` ("<a href="/u/CC7567">James Akinaka</a>"), when it writes one. */
function linkedProfileName(doc: AuthorLinkDocument, handle: string): string | undefined {
  const raw = handle.trim().replace(/^@/, '');
  // A login: digits, separators or no capital ("CC7567", "sarah-indra"); a capitalized word ("Redaktion", "Jane") is not one.
  if (raw === '' || !(/[\p{N}._-]/u.test(raw) || raw === raw.toLowerCase())) return undefined;
  const login = raw.toLowerCase();
  for (const a of doc.querySelectorAll('a[href]')) {
    const path = (a.getAttribute('href') ?? '').split(/[?#]/)[0]!.replace(/\/+$/, '');
    let last = path.slice(path.lastIndexOf('/') + 1);
    try {
      last = decodeURIComponent(last);
    } catch {
      continue;
    }
    if (last.replace(/^@/, '').toLowerCase() !== login) continue;
    const text = (a.textContent ?? '').replace(SPACE_RUNS, ' ').trim();
    const words = text.split(' ');
    if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w)) && !PROFILE_LINK_WORDS.test(text) && cleanAuthorName(text) === text) return text;
  }
  return undefined;
}

/** Folded key of a name for comparing lists: lower case, letters and digits only. */
const nameKey = (name: string) => nameWords(name).join('');

/**
 * `people`, or more when the next source that names a person names every one of them and others
 * besides ("April Roach" in the JSON-LD, "April Roach, Daniel O'Mahony" in the meta tags): the
 * first source gave the lead author only. `people` keep what their source gave (addresses, outlets).
 */
function withCoAuthors(people: Author[], later: readonly (() => Author[])[], outlets: readonly (string | undefined)[], url?: string): Author[] {
  for (const source of later) {
    const named = mergeAuthors(source().flatMap(asReporterLine)).filter((a) => !isOutletName(a.name, outlets, url));
    if (named.length === 0) continue;
    const keys = new Set(named.map((a) => nameKey(a.name)));
    const known = new Set(people.map((a) => nameKey(a.name)));
    // (Each other one a full name: "Tina Klostermeier, TK" lists her and her initials.)
    const others = named.filter((a) => !known.has(nameKey(a.name)));
    return others.length > 0 && people.every((a) => keys.has(nameKey(a.name))) && !others.some((a) => isHandleOrFirstName(a.name)) ? mergeAuthors(people, others) : people;
  }
  return people;
}

/**
 * The authors the first source naming a person gives, and the outlets named where an author should be
 * (kept from the first source that named only outlets, for a page no source names a person on).
 */
export function chooseAuthors(doc: AuthorLinkDocument, sources: readonly (() => Author[])[], outlets: readonly (string | undefined)[], url?: string, declared = sources.length): { authors: Author[]; outletAuthors: Author[] } {
  let authors: Author[] = [];
  let outletAuthors: Author[] = [];
  for (let i = 0; i < sources.length; i++) {
    const found = mergeAuthors(sources[i]!().flatMap(asReporterLine));
    const people = found.filter((a) => !isOutletName(a.name, outlets, url));
    if (people.length > 0) {
      // A login or a first name alone ("jane.doe", "Jane") gives way to the full name a later source writes.
      authors = people.some((a) => !isHandleOrFirstName(a.name)) ? people : fullerNames(people, sources.slice(i + 1));
      // A login no source spells out may still be the address of a profile the page links with the name.
      if (authors.every((a) => isHandleOrFirstName(a.name))) authors = mergeAuthors(authors.map((a) => ({ ...a, name: linkedProfileName(doc, a.name) ?? a.name })));
      else authors = withCoAuthors(authors, sources.slice(i + 1, declared), outlets, url);
      break;
    }
    if (outletAuthors.length === 0) outletAuthors = found;
  }
  return { authors, outletAuthors };
}
