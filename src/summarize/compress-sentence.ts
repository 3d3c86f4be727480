// Light, safe compression of an extracted sentence: it only removes material whose removal
// leaves a grammatical sentence with the same claim — a dateline, a leading connective, a
// trailing attribution (", police said."), a short parenthetical aside. It never rewrites words.

const DATELINE = [
  // "WASHINGTON (CNN) -- ", "London (Reuters) - ", lower-cased PTB "washington ( cnn ) -- "
  /^[\p{L} .,'-]{0,60}?\(\s*(cnn|ap|reuters|afp|upi|ew\.com|cnn student news|mental floss|time\.com)\s*\)\s*(--|—|–|-|:)?\s*/iu,
  /^\(\s*(cnn|ap|reuters|afp)\s*\)\s*(--|—|–|-)?\s*/i,
  // "LONDON - ", "SEOUL, Jan. 5 (Yonhap) -- "
  /^[A-Z][A-Z .,'-]{2,40}(\([A-Za-z]+\))?\s*(--|—|–)\s+/,
  // "DUBAI, United Arab Emirates — ", "SAN JOSE, Calif. -- ": a city in capitals, then its state or country
  /^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}, (?:[A-Z][\p{L}.'-]*\s?){1,4}(--|—|–)\s+/u,
  /^[A-Z][A-Za-z .,'-]{2,30}\d{1,2}\s*\((Yonhap|AFP|AP|Reuters)\)\s*(--|—|–|-)?\s*/,
];

const LEADING_CONNECTIVE = /^(but|and|however|meanwhile|also|still|yet|so|in addition|moreover|furthermore|nevertheless)\s*,?\s+/i;
const KO_LEADING = /^(하지만|그러나|또한|한편|특히|이어|이에 따라|이와 함께|아울러|그리고|또|반면)\s*,?\s+/;

// Trailing attribution of a reported statement: ", he said." ", police said ." ", the report says."
// The subject is short and never a clause ("that", "which").
const TRAILING_ATTRIBUTION =
  /\s*,\s*(?!(?:that|which|who|what|and|but)\b)((?:[\p{L}.'-]+\s+){0,4}?)(said|says|added|explained|reported|claimed|told\s+[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,3}|according to\s+[^,]{1,60}?)\s*(?:on|in)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)?\s*([.!])$/iu;

// Cheap pre-check so the costly pattern only runs on sentences that may end in an attribution.
const ATTRIBUTION_HINT = /\b(said|says|added|explained|reported|claimed|told|according)\b/i;

// A short parenthetical aside with a space before it: "(pictured)", "( left )", "(file photo)".
// Never numbers ("( 734 ) 240-7700", "($500)") or acronyms ("the (UN) Security Council"), which
// carry meaning; Korean glosses are attached without a space ("페로브스카이트(Perovskite)").
const PARENTHETICAL = /\s+\(\s*([^()\d]{1,30}?)\s*\)(?=[\s,.;:!?]|$)/g;
const PTB_PARENTHETICAL = /\s+-lrb-\s+([^()\d]{1,30}?)\s+-rrb-(?=\s)/g;

function dropAside(match: string, inner: string): string {
  return /^[A-Z&.]{2,8}$/.test(inner.trim()) || /\$|£|€/.test(inner) ? match : '';
}

function capitalizeFirst(s: string, cased: boolean): string {
  if (!cased) return s;
  return s.replace(/^(["'\u201c\u2018`]*)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
}

/** Returns a shorter form of the sentence, or the sentence itself when nothing is safe to drop. */
export function compressSentence(sentence: string, cased: boolean): string {
  let s = sentence.replace(/\s+/g, ' ').trim();
  // Every dateline form has "(" or a dash near the start; most sentences have neither.
  const head = s.slice(0, 90);
  const mayHaveDateline = head.includes('(') || head.includes('--') || head.includes('—') || head.includes('–');
  for (const re of mayHaveDateline ? DATELINE : []) {
    const m = re.exec(s);
    if (m && m[0].length < s.length - 20) {
      s = capitalizeFirst(s.slice(m[0].length), cased);
      break;
    }
  }
  const lead = LEADING_CONNECTIVE.exec(s) ?? KO_LEADING.exec(s);
  if (lead && lead[0].length < s.length - 20) s = capitalizeFirst(s.slice(lead[0].length), cased);

  // Only drop the attribution when it follows a complete clause of reasonable length, and when
  // the sentence is not itself a quotation that would then lose its closing mark.
  const att = ATTRIBUTION_HINT.test(s) ? TRAILING_ATTRIBUTION.exec(s) : null;
  if (att && !/["\u201d'`]\s*$/.test(s.slice(0, att.index)) && s.slice(0, att.index).split(' ').length >= 8) {
    const end = /\s[.!]$/.test(s) ? ' .' : '.';
    s = `${s.slice(0, att.index)}${end}`;
  }
  if (s.includes('(')) s = s.replace(PARENTHETICAL, dropAside);
  if (s.includes('-lrb-')) s = s.replace(PTB_PARENTHETICAL, dropAside);
  return s.replace(/\s+/g, ' ').trim();
}

// A trailing participial clause: ", rejecting a proposal …", ", ending a four-year search …".
// News leads often run long only because of one; the main clause before it states the fact.
const TRAILING_PARTICIPLE = /\s*,\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}ing\s+(?!(?:to|that|of)\b)[^,;]*?(?:,[^,;]*?)?\s*([.!])$/u;

/**
 * Shortens a sentence that is too long to be a bullet by cutting a trailing participial clause,
 * when what is left is still a sentence of at least `minWords` words; undefined otherwise.
 */
export function cutTrailingClause(sentence: string, minWords = 10): string | undefined {
  const m = TRAILING_PARTICIPLE.exec(sentence);
  if (!m) return undefined;
  const head = sentence.slice(0, m.index);
  if (head.split(/\s+/).length < minWords || /["\u201c]/.test(head) !== /["\u201d]/.test(head)) return undefined;
  return `${head}${/\s[.!]$/.test(sentence) ? ' ' : ''}${m[1]}`;
}

/**
 * Closes a quotation that a sentence opens but does not close (the quote runs on into the next
 * sentence in the article), and drops a stray unmatched quote at the very start, so a bullet
 * reads as a whole sentence.
 */
export function balanceQuotes(sentence: string): string {
  let s = sentence;
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  if (count(/\u201c/g) > count(/\u201d/g)) s = `${s}\u201d`;
  else if (count(/``/g) > count(/''/g)) s = `${s} ''`;
  // Straight quotes pair up in order: an odd count leaves the last one open (a closing quote may
  // run straight into the next word, as Korean particles do: "…이어졌다"고 말했다).
  else if (count(/"/g) % 2 === 1 && /(?:^|[\s(])"\S/.test(s.slice(s.lastIndexOf('"') - 1))) s = `${s}"`;
  // A lone leading single quote with no partner in lower-cased, tokenized text ("'ashleyout.com will …");
  // in cased text it is an elision ("'Tis") and stays.
  if (!/[A-Z]/.test(s) && /^'(?!')\S/.test(s) && !/\S'(?=$|[\s.,;:!?])/.test(s.slice(1))) s = s.slice(1);
  return s;
}
