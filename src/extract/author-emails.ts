// A Korean reporter signs with a line "이름 기자 name@outlet" that portals and some outlets set
// apart from the story text (a byline box after the article), where the body never reaches it.
// The page still says the address of the reporter the page names: it is read from a short line of
// its own anywhere outside the body, for a Hangul-named author without one.
import type { Author } from '../core/records.ts';
import { nextInOrder, textLongerThan, type TextWalkNode, type WalkEl } from './dom-walk.ts';
import { EMAIL, parseReporterLine } from './reporter-line.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Minimal element shape used here (the extract DOM's element, dom/dom-element.ts). */
export interface EmailEl extends WalkEl, TextWalkNode {
  readonly textContent: string | null;
}

const HANGUL_NAME = /^[가-힣]{2,5}$/;
const EMAIL_ONLY = new RegExp(`^${EMAIL}$`);
/** Longest line read as a signature ("정해민 기자 hmj@example.com" and a little more). */
const MAX_SIGNATURE_CHARS = 120;

/** `authors` with the e-mail addresses the page's signature lines give the Hangul-named ones that have none; `root` is what is left of the page after the body was taken from it. */
export function withSignatureEmails(root: EmailEl | null, authors: readonly Author[]): Author[] {
  const wanted = new Set(authors.filter((a) => !a.email && HANGUL_NAME.test(a.name)).map((a) => a.name));
  if (!root || wanted.size === 0) return [...authors];
  const emails = new Map<string, string>();
  for (let el = root.firstElementChild as EmailEl | null; el && emails.size < wanted.size; el = nextInOrder(el, root)) {
    // Signature lines are leaves: the element holds text and no other element.
    if (el.firstElementChild !== null || el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || textLongerThan(el, MAX_SIGNATURE_CHARS)) continue;
    const text = (el.textContent ?? '').replace(SPACE_RUNS, ' ').trim();
    if (!text.includes('@')) continue;
    // An address alone in its element reads with the line it stands in ("<span>김철수 기자</span><span>cskim@…</span>").
    const parent = el.parentElement as EmailEl | null;
    const line = EMAIL_ONLY.test(text) && parent && parent !== root && !textLongerThan(parent, MAX_SIGNATURE_CHARS) ? (parent.textContent ?? '').replace(SPACE_RUNS, ' ').trim() : text;
    for (const a of parseReporterLine(line)?.authors ?? []) if (a.email && wanted.has(a.name) && !emails.has(a.name)) emails.set(a.name, a.email);
  }
  return authors.map((a) => (!a.email && emails.has(a.name) ? { ...a, email: emails.get(a.name)! } : a));
}
