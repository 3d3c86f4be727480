// Small value normalizers shared by the feed adapters: URLs, dates, people.
import type { Person } from '../core/records.ts';

/** Resolves `href` against `base`; returns the trimmed input when it cannot be made absolute, undefined when empty. */
export function resolveUrl(href: string | undefined, base?: string): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    return new URL(h, base || undefined).href;
  } catch {
    return h;
  }
}

/** Resolves a base (xml:base) against its parent base, keeping the parent when the child is empty. */
export function resolveBase(child: string | undefined, parent: string | undefined): string | undefined {
  if (!child?.trim()) return parent;
  try {
    return new URL(child.trim(), parent || undefined).href;
  } catch {
    return parent;
  }
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

// RFC 822/1123 zone names plus the North American ones feeds use (RFC 822 §5.1).
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
  akst: -9, akdt: -8, hst: -10, ast: -4, adt: -3, nzst: 12, nzdt: 13, cet: 1, cest: 2, eet: 2, eest: 3,
  bst: 1, ist: 5.5, jst: 9, kst: 9, a: -1, m: -12, n: 1, y: 12,
};

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const z = zone.trim().toLowerCase();
  const num = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (num) {
    const sign = num[1] === '-' ? -1 : 1;
    return sign * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  }
  const named = ZONES[z];
  return named === undefined ? undefined : named * 60;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offsetMin * 60_000;
  const date = new Date(t);
  if (Number.isNaN(t) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return undefined;
  return date.toISOString();
}

// W3CDTF / ISO 8601, including reduced forms ("2003-12", "20031231T2359Z").
const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;
// RFC 822 with the usual sloppiness: optional weekday, 2-digit years, missing seconds, odd zones.
const RFC822 = /^(?:[a-z]{2,}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,5}|(?:gmt|utc)?[+-]\d{1,2}:?\d{2})?\s*(?:\(.*\))?$/i;
// "Sun Jan 4 16:29:06 PST 2004" (asctime-like) and "January 4, 2004".
const ASCTIME = /^[a-z]{3,},?\s+([a-z]{3})[a-z]*\s+(\d{1,2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([a-z]{1,5}|[+-]\d{4})\s+)?(\d{4})$/i;

/** Parses a feed date (RFC 822, W3CDTF/ISO 8601, common variants) to ISO 8601 UTC, or undefined. */
export function toIsoDate(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  let m = ISO.exec(s);
  if (m) {
    const off = zoneOffsetMinutes(m[8]);
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return utc(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, off ?? 0);
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    let y = Number(m[3]);
    if (m[3]!.length <= 2) y += y < 50 ? 2000 : 1900;
    const off = zoneOffsetMinutes(m[7]);
    if (mo !== undefined) {
      return utc(y, mo, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, off ?? 0);
    }
  }
  m = ASCTIME.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const off = zoneOffsetMinutes(m[6]);
    if (mo !== undefined) return utc(Number(m[7]), mo, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), 0, off ?? 0);
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999 ? d.toISOString() : undefined;
}

const EMAIL = /^[^\s@()<>]+@[^\s@()<>]+$/;

/** Parses an author string: "joe@x.org (Joe)", "Joe (joe@x.org)", "Joe <joe@x.org>", a bare email or a name. */
export function parsePerson(raw: string | undefined): Person | undefined {
  const s = raw?.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  let m = /^(\S+@\S+?)\s*\((.+)\)$/.exec(s);
  if (m && EMAIL.test(m[1]!)) return { name: m[2]!.trim(), email: m[1] };
  m = /^(.+?)\s*\(([^()\s]+@[^()\s]+)\)$/.exec(s);
  if (m) return { name: m[1]!.trim(), email: m[2] };
  m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(s);
  if (m) return m[1] ? { name: m[1].replace(/^"|"$/g, '').trim(), email: m[2] } : { email: m[2] };
  const mailto = /^mailto:(.+)$/i.exec(s);
  if (mailto && EMAIL.test(mailto[1]!)) return { email: mailto[1] };
  if (EMAIL.test(s)) return { email: s };
  return { name: s };
}

/** Drops empty fields of a person and returns undefined when nothing is left. */
export function cleanPerson(p: { name?: string; email?: string; url?: string }, base?: string): Person | undefined {
  const name = p.name?.replace(/\s+/g, ' ').trim();
  const email = p.email?.trim().replace(/^mailto:/i, '');
  const url = resolveUrl(p.url, base);
  if (!name && !email && !url) return undefined;
  // A lone name that is really "email (Name)" is split as RSS <author> would be.
  if (name && !email && !url) return parsePerson(name);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(url ? { url } : {}) };
}

/** Removes undefined entries and duplicates (by JSON identity), keeping order. */
export function uniqueDefined<T>(items: readonly (T | undefined)[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const it of items) {
    if (it === undefined) continue;
    const key = JSON.stringify(it);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(it);
  }
  return out;
}

/** Parses a non-negative integer length, or undefined. */
export function toLength(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.trunc(n) : undefined;
}

/** `{ [key]: value }` when value is defined, else `{}` — keeps absent fields absent. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Keeps the first item for each URL. */
export function uniqueByUrl<T extends { readonly url: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && (seen.add(i.url), true));
}

const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

/** Minutes between updates a feed announces: RSS `<ttl>`, else `sy:updatePeriod` over `sy:updateFrequency` (RSS 1.0 Syndication). */
export function feedTtlMinutes(ttl: number | undefined, sy: { updatePeriod?: string; updateFrequency?: number } | undefined): number | undefined {
  if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0) return Math.min(ttl, 525600);
  const period = sy?.updatePeriod ? PERIOD_MINUTES[sy.updatePeriod.trim().toLowerCase()] : undefined;
  if (period === undefined) return undefined;
  const frequency = typeof sy?.updateFrequency === 'number' && Number.isFinite(sy.updateFrequency) && sy.updateFrequency >= 1 ? sy.updateFrequency : 1;
  return period / frequency;
}
