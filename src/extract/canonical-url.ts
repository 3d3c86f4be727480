// URL helpers for extraction: resolving relative references, the canonical URL of a page, and
// stripping tracking parameters so the same article is stored once.

const TRACKING_PARAM = /^(?:utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|ref_url|cmpid|ncid|ocid|sr_share|share|smid|wt\.mc_id|__twitter_impression|spm|_hsenc|_hsmi|mkt_tok|oly_enc_id|oly_anon_id|vero_id|rb_clickid|s_cid)$/i;
/** Second-level labels under which names are registered one level deeper (example.co.kr). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'go', 'or', 'ne', 'gov', 'edu', 're', 'pe', 'kg', 'es', 'hs', 'ms', 'sc', 'mil', 'ltd', 'plc', 'gv', 'nhs', 'police']);

/** Resolves `href` against `base`; undefined for unparsable or non-http(s) results. */
export function resolveUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (h === '' || /^(?:javascript|data|about|blob):/i.test(h)) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The registrable part of a host name (news.example.co.kr → example.co.kr), approximated without the public suffix list. */
export function registrableHost(host: string): string {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Removes tracking parameters (utm_*, fbclid, gclid…) and the #fragment from an absolute URL. */
export function stripTracking(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(k)) u.searchParams.delete(k);
    if ([...u.searchParams.keys()].length === 0) u.search = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The canonical URL of a page: `candidate` (rel=canonical / og:url) when it is on the same registrable host as `url`, else `url`; tracking stripped. */
export function canonicalizeUrl(url: string, candidate: string | undefined): string {
  const resolved = resolveUrl(candidate, url);
  let pick = url;
  if (resolved) {
    try {
      const page = new URL(url);
      const named = new URL(resolved);
      // A saved copy of a page (file:) stands for the original it names.
      const savedCopy = page.protocol === 'file:' && /^https?:$/.test(named.protocol);
      if (savedCopy || registrableHost(named.hostname) === registrableHost(page.hostname)) pick = resolved;
    } catch {
      /* keep url */
    }
  }
  return stripTracking(pick);
}

/** Paths of author pages ("/author/jane-roe", "/people/jane", "/reporter/123"). */
const AUTHOR_PAGE_PATH = /\/(?:authors?|people|person|profiles?|staff|reporters?|writers?|journalists?|autor(?:en|in)?|auteurs?|kontributor)\/[^/?#]+/i;

/** True for the address of an author's page ("/author/jane-roe", "https://news.example/reporters/123"). */
export function isAuthorPage(href: string): boolean {
  return AUTHOR_PAGE_PATH.test(href);
}
