// Names written all in capitals ("JANE DOE" in an AP byline or its JSON-LD), in the case a reader
// expects ("Jane Doe"): each word capitalized, with the rules names follow ("McDonald", "O'Brien",
// "Jae-Lim", "van der Berg", initials and numerals kept).

/** Lower-case particles of Latin-script surnames, after the first word. */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'y', 'e']);
/** Words kept in capitals: Roman numerals of a name ("III"), initials, abbreviations with stops ("U.S."). */
const KEEP = /^(?:[IVX]{2,4}|\p{Lu}|(?:\p{Lu}\.){2,}\p{Lu}?)$/u;

/** Words of a desk's or an outlet's name, which stays in capitals. */
const DESK_WORDS = new Set(['staff', 'desk', 'news', 'newsroom', 'team', 'editors', 'editorial', 'wire', 'wires', 'reports']);

/** `word` with its first letter in capitals and the rest in lower case, "Mc" names and parts after "'" or "-" as names write them. */
function capitalize(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|['’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/^Mc(\p{Ll})/u, (_, c: string) => `Mc${c.toUpperCase()}`);
}

/**
 * `name` in a name's case when it is written all in capitals in Latin script and has two words
 * or more ("JANE DOE" → "Jane Doe", "JOHN MCDONALD" → "John McDonald"); any other name as it is
 * (mixed case is the writer's, one capitalized word may be an acronym).
 */
export function nameCase(name: string): string {
  // What follows a comma is an outlet or a role ("TOM KRISHER, AP"), left as written.
  const comma = name.indexOf(',');
  const head = comma < 0 ? name : name.slice(0, comma);
  const letters = head.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || !/^\p{Lu}+$/u.test(letters) || !/^[\p{Script=Latin}\s.'’-]+$/u.test(head)) return name;
  const words = head.trim().split(/\s+/);
  // (A desk is no person: "TMZ STAFF", "AP NEWS DESK" stay as written.)
  if (words.length < 2 || words.some((w) => DESK_WORDS.has(w.toLowerCase()))) return name;
  const cased = words
    .map((w, i) => {
      const core = KEEP.test(w) ? w : w.replace(/[.]+$/, '');
      if (KEEP.test(core)) return w;
      const lower = core.toLowerCase();
      if (i > 0 && i < words.length - 1 && PARTICLES.has(lower)) return lower + w.slice(core.length);
      return capitalize(core) + w.slice(core.length);
    })
    .join(' ');
  return comma < 0 ? cased : cased + name.slice(comma);
}
