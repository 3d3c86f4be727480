// Lists of patterns a line is matched against, as few regular expressions as their flags allow:
// one alternation scans a line once, where a list of fifty scans it fifty times.

/** The patterns of `list` joined into one alternation per set of flags (capture groups are not kept apart; for test() only). */
export function alternation(list: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const re of list) {
    if (re.global || re.sticky) throw new Error(`alternation: ${re} keeps state between tests`);
    // A back reference counts groups from the start of the whole expression: joined, it would point elsewhere.
    if (/\\(?:[1-9]|k<)/.test(re.source)) throw new Error(`alternation: ${re} refers back to a group`);
    byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}

/** True when any pattern of a set made by alternation() matches `text`. */
export function matchesAny(set: readonly RegExp[], text: string): boolean {
  for (const re of set) if (re.test(text)) return true;
  return false;
}
