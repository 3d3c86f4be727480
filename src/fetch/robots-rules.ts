// robots.txt as RFC 9309 reads it: groups of user-agent lines with their allow/disallow rules,
// the group of our product token (all such groups merged) or else the "*" groups, the longest
// matching rule winning (allow on a tie), `*` and a final `$` in paths, and Crawl-delay (not in
// the RFC, but honoured by many crawlers and asked for by many publishers).

/** The rules that apply to one crawler. */
export interface RobotsRules {
  readonly rules: readonly { readonly allow: boolean; readonly pattern: string }[];
  /** Seconds between requests, when the group asks for it. */
  readonly crawlDelaySeconds?: number;
}

/** Rules that allow everything (no robots.txt, or a 4xx answer). */
export const ALLOW_ALL: RobotsRules = Object.freeze({ rules: [] });

/** RFC 9309 asks crawlers to read at least 500 KiB; the rest is ignored. */
const MAX_BYTES = 512 * 1024;

interface Group {
  agents: string[];
  rules: { allow: boolean; pattern: string }[];
  crawlDelay?: number;
}

// Percent-encodes what a URL path would (non-ASCII, spaces) and upper-cases existing escapes,
// so a pattern and a path compare octet by octet.
function normalizePath(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/[\u0000-\u0020\u007f-\u{10ffff}]/u.test(ch)) out += encodeURIComponent(ch);
    else out += ch;
  }
  return out.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
}

/** Parses robots.txt and picks the rules for the crawler named `productToken` ("Lede"). */
export function parseRobots(text: string, productToken: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.slice(0, MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if ((key === 'allow' || key === 'disallow') && value) current.rules.push({ allow: key === 'allow', pattern: normalizePath(value) });
    else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  const token = productToken.toLowerCase();
  // A user-agent line names a product token; "Lede/1.0" or "lede" both name ours.
  const named = groups.filter((g) => g.agents.some((a) => a.split(/[/\s]/)[0] === token));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);
  return {
    rules: chosen.flatMap((g) => g.rules),
    ...(delays.length > 0 ? { crawlDelaySeconds: Math.max(...delays) } : {}),
  };
}

/**
 * True when `path` matches `pattern`: `*` is any run of characters, a final `$` anchors the end,
 * otherwise the pattern is a prefix. Two-pointer matching, linear in practice and never
 * exponential, whatever the pattern (robots.txt is untrusted input).
 */
export function matchesRule(path: string, pattern: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : `${pattern}*`;
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < path.length) {
    if (j < p.length && p[j] !== '*' && p[j] === path[i]) {
      i++;
      j++;
    } else if (j < p.length && p[j] === '*') {
      star = j++;
      mark = i;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (j < p.length && p[j] === '*') j++;
  return j === p.length;
}

/** True when the rules let the crawler fetch `url` (its path and query). */
export function isAllowed(rules: RobotsRules, url: string): boolean {
  let target: string;
  try {
    const u = new URL(url);
    target = normalizePath(u.pathname + u.search);
  } catch {
    return false;
  }
  if (target === '/robots.txt') return true;
  let best: { allow: boolean; length: number } | null = null;
  for (const r of rules.rules) {
    if (!matchesRule(target, r.pattern)) continue;
    const length = r.pattern.length;
    if (!best || length > best.length || (length === best.length && r.allow)) best = { allow: r.allow, length };
  }
  return best?.allow ?? true;
}
