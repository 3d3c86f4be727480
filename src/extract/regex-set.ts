// Lists of patterns a line is matched against, as few regular expressions as their flags allow:
// one alternation scans a line once, where a list of fifty scans it fifty times.

/**
 * The branches of `source` outside its groups, each without its leading `^`, when every one of them
 * opens with `^` (the pattern can match only at the start of a line); undefined otherwise ("^a|b":
 * the "b" matches anywhere).
 */
export function startBranches(source: string): string[] | undefined {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i <= source.length; i++) {
    const c = source[i];
    if (i === source.length || (c === '|' && depth === 0 && !inClass)) {
      const branch = source.slice(from, i);
      if (!branch.startsWith('^')) return undefined;
      branches.push(branch.slice(1));
      from = i + 1;
    } else if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return branches;
}

/** True when `source` can match only at the start of a line (every branch opens with `^`). */
export function anchoredAtStart(source: string): boolean {
  return startBranches(source) !== undefined;
}

/** A branch that looks at the whole line and then anywhere in it: "(?=.{0,220}$).*…". */
const LINE_SCAN = /^\(\?=\.\{0,\d+\}\$\)\.\*/;

/**
 * The patterns of `list` joined into one alternation per set of flags (capture groups are not kept
 * apart; for test() only). Patterns anchored at the start of the line make one expression of their
 * own, under one `^`: the engine then tries it at the first position only, where a single
 * unanchored pattern among them would have every alternative tried at every position. Anchored
 * branches that open with the same look at the line and a scan of it ("(?=.{0,220}$).*") share
 * one scan: ".*(?:a|b)" reads the line once where ".*a|.*b" reads it once per branch.
 */
export function alternation(list: readonly RegExp[]): RegExp[] {
  type Kind = { flags: string; anchored: boolean; sources: string[]; scans: Map<string, string[]> };
  const byKind = new Map<string, Kind>();
  for (const re of list) {
    if (re.global || re.sticky) throw new Error(`alternation: ${re} keeps state between tests`);
    // A back reference counts groups from the start of the whole expression: joined, it would point elsewhere.
    if (/\\(?:[1-9]|k<)/.test(re.source)) throw new Error(`alternation: ${re} refers back to a group`);
    const branches = startBranches(re.source);
    const anchored = branches !== undefined;
    const key = `${re.flags} ${anchored}`;
    const kind: Kind = byKind.get(key) ?? { flags: re.flags, anchored, sources: [], scans: new Map() };
    byKind.set(key, kind);
    if (!branches) {
      kind.sources.push(`(?:${re.source})`);
      continue;
    }
    for (const branch of branches) {
      const scan = LINE_SCAN.exec(branch)?.[0];
      if (scan === undefined) kind.sources.push(`(?:${branch})`);
      else kind.scans.set(scan, [...(kind.scans.get(scan) ?? []), `(?:${branch.slice(scan.length)})`]);
    }
  }
  return [...byKind.values()].map(({ flags, anchored, sources, scans }) => {
    const all = [...sources, ...[...scans].map(([scan, tails]) => `(?:${scan}(?:${tails.join('|')}))`)];
    return new RegExp(anchored ? `^(?:${all.join('|')})` : all.join('|'), flags);
  });
}

/** True when any pattern of a set made by alternation() matches `text`. */
export function matchesAny(set: readonly RegExp[], text: string): boolean {
  for (const re of set) if (re.test(text)) return true;
  return false;
}
