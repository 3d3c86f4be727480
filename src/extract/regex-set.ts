// Lists of patterns a line is matched against, as few regular expressions as their flags allow:
// one alternation scans a line once, where a list of fifty scans it fifty times.

/**
 * True when `source` can match only at the start of a line: it opens with `^` and has no `|` outside
 * its groups (in "^a|b" the "b" matches anywhere).
 */
export function anchoredAtStart(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * The patterns of `list` joined into one alternation per set of flags (capture groups are not kept
 * apart; for test() only). Patterns anchored at the start of the line make one expression of their
 * own, under one `^`: the engine then tries it at the first position only, where a single
 * unanchored pattern among them would have every alternative tried at every position.
 */
export function alternation(list: readonly RegExp[]): RegExp[] {
  const byKind = new Map<string, { flags: string; anchored: boolean; sources: string[] }>();
  for (const re of list) {
    if (re.global || re.sticky) throw new Error(`alternation: ${re} keeps state between tests`);
    // A back reference counts groups from the start of the whole expression: joined, it would point elsewhere.
    if (/\\(?:[1-9]|k<)/.test(re.source)) throw new Error(`alternation: ${re} refers back to a group`);
    const anchored = anchoredAtStart(re.source);
    const key = `${re.flags} ${anchored}`;
    const kind = byKind.get(key) ?? { flags: re.flags, anchored, sources: [] };
    kind.sources.push(`(?:${anchored ? re.source.slice(1) : re.source})`);
    byKind.set(key, kind);
  }
  return [...byKind.values()].map(({ flags, anchored, sources }) => new RegExp(anchored ? `^(?:${sources.join('|')})` : sources.join('|'), flags));
}

/** True when any pattern of a set made by alternation() matches `text`. */
export function matchesAny(set: readonly RegExp[], text: string): boolean {
  for (const re of set) if (re.test(text)) return true;
  return false;
}
