// Signed media-proxy addresses (issue #7, LEDE_MEDIA_PROXY): images of other hosts are shown
// through /media/<sig>?url=… so readers' addresses stay with Lede. The HMAC means only URLs
// Lede itself put on a page are fetched: /media is not an open proxy.
import { createHmac, timingSafeEqual } from 'node:crypto';

// 32 base64url characters = 192 bits of HMAC-SHA256: far beyond guessing, short enough for a URL.
const SIGNATURE_LENGTH = 32;

function sign(secret: string, url: string): string {
  return createHmac('sha256', secret).update(`media:${url}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

/** The absolute http(s) URL `url` names, normalized, or undefined for anything else (relative, data:, javascript:). */
function proxiableUrl(url: string): string | undefined {
  if (!/^\s*https?:\/\//i.test(url)) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The signed /media address of an absolute http(s) image URL; any other URL (relative, data:) is returned unchanged. */
export function mediaProxyUrl(secret: string, url: string): string {
  const href = proxiableUrl(url);
  return href === undefined ? url : `/media/${sign(secret, href)}?url=${encodeURIComponent(href)}`;
}

/** True when `signature` is the one mediaProxyUrl gives `url` (compared in constant time). */
export function verifyMediaSignature(secret: string, url: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, url));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an HTML serializer writes into attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// An <img> start tag: attributes may hold '>' inside quotes, so they are matched one by one.
const IMG_TAG = /<img(?=[\s/>])(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi;
// The src attribute inside one tag (preceded by whitespace so "data-src" does not match).
const SRC_ATTR = /(\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * Rewrites the src of every <img> in (sanitized) article HTML through `mediaUrl`, e.g.
 * `(u) => mediaProxyUrl(secret, u)`. Tags whose URL `mediaUrl` leaves unchanged are left byte for
 * byte as they were, so the identity function changes nothing and rewriting twice is a no-op.
 */
export function rewriteImageSources(html: string, mediaUrl: (url: string) => string): string {
  if (!/<img/i.test(html)) return html;
  return html.replace(IMG_TAG, (tag) => {
    const m = SRC_ATTR.exec(tag);
    if (!m) return tag;
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    const url = decodeAttribute(raw);
    const proxied = mediaUrl(url);
    if (proxied === url) return tag;
    return `${tag.slice(0, m.index)}${m[1]}src="${escapeAttribute(proxied)}"${tag.slice(m.index + m[0].length)}`;
  });
}
