// Date strings as news pages write them → ISO 8601 UTC. Zone-less values are read in a default
// zone (KST for Korean pages, UTC otherwise) so the result never depends on the machine's TZ.

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T|KST|JST|CET|CEST|BST)\b)\s*$/i;
const ZONE_OFFSETS: Record<string, string> = {
  KST: '+09:00', JST: '+09:00', CET: '+01:00', CEST: '+02:00', BST: '+01:00',
};
const MIN_YEAR = 1990;

/** Options for parseDate. */
export interface ParseDateOptions {
  /** Offset used when the string has none, e.g. "+09:00". Default: KST when the text is Korean, else "Z". */
  readonly defaultOffset?: string;
}

/** Builds an ISO string from calendar fields read in `offset`, or undefined when out of range. */
function fromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string): string | undefined {
  if (y < MIN_YEAR || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const t = Date.parse(`${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${offset === 'Z' ? 'Z' : offset}`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Converts a 12-hour clock with a Korean or English meridiem to 24 hours. */
function to24(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = /오후|pm|p\.m\./i.test(meridiem);
  if (pm && h < 12) return h + 12;
  if (!pm && h === 12) return 0;
  return h;
}

/** Parses a date as news pages write it (ISO, RFC 2822, "May 1, 2024", "입력 2024.05.01 10:20", "2024년 5월 1일 오후 3:20") into ISO 8601 UTC. */
export function parseDate(input: string | null | undefined, opts: ParseDateOptions = {}): string | undefined {
  if (!input) return undefined;
  const raw = input.replace(/\s+/g, ' ').trim();
  if (raw === '' || raw.length > 200) return undefined;
  const korean = /[\uac00-\ud7af]/.test(raw);
  const offset = opts.defaultOffset ?? (korean ? '+09:00' : 'Z');

  // Numeric Y-M-D with optional time, any of . - / 년월일 as separators; labels like "입력" ignored.
  const ymd = /(\d{4})\s*(?:[.\-/년]\s*)(\d{1,2})\s*(?:[.\-/월]\s*)(\d{1,2})\s*(?:일|\.)?(?:\s*\([^)]{1,3}\))?(?:[ T]*(오전|오후|AM|PM|a\.m\.|p\.m\.)?\s*(\d{1,2})\s*[:시]\s*(\d{1,2})\s*(?:분)?(?::(\d{1,2})(?:\.\d+)?)?\s*(오전|오후|AM|PM|a\.m\.|p\.m\.)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC|KST|JST)?/i.exec(raw);
  if (ymd) {
    const [, y, mo, d, mer1, h, mi, s, mer2, zone] = ymd;
    let off = offset;
    if (zone) {
      const z = zone.toUpperCase();
      if (z === 'Z' || z === 'GMT' || z === 'UTC') off = 'Z';
      else if (ZONE_OFFSETS[z]) off = ZONE_OFFSETS[z]!;
      else off = z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
    }
    return fromFields(+y!, +mo!, +d!, to24(h ? +h : 0, mer1 ?? mer2), mi ? +mi : 0, s ? +s : 0, off);
  }

  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(\d{3})?$/.test(raw)) {
    const ms = raw.length === 10 ? +raw * 1000 : +raw;
    const d = new Date(ms);
    return d.getUTCFullYear() >= MIN_YEAR ? d.toISOString() : undefined;
  }

  // Textual dates: let V8 read them, then reinterpret zone-less values in the default offset.
  const cleaned = raw
    .replace(/^(?:published|updated|posted|last updated|modified|on|date)\s*:?\s*/i, '')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\bat\b/gi, ' ')
    .replace(/\b(KST|JST|CEST|CET|BST)\b/, (z) => ZONE_OFFSETS[z.toUpperCase()]!.replace(':', ''));
  const t = Date.parse(cleaned);
  if (Number.isNaN(t)) return undefined;
  const local = new Date(t);
  if (HAS_ZONE.test(cleaned) || /\b[+-]\d{4}\b/.test(cleaned)) {
    return local.getUTCFullYear() >= MIN_YEAR ? local.toISOString() : undefined;
  }
  return fromFields(local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), offset);
}
