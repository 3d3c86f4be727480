// URLs from sources are shown as links and images only when they are http(s): a feed's
// <link>javascript:…</link> must never become a clickable script.

/** The URL, normalized, when it is an absolute http(s) URL; undefined otherwise. */
export function httpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The key of a URL's host for politeness: its lower-cased name (every port of a host counts as one host). */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
