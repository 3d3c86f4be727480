// Node's TextEncoder only writes UTF-8, but the fixture site must serve legacy Korean pages as
// EUC-KR bytes. The WHATWG "euc-kr" encoding (really Windows-949) is defined by its decoder, so
// the encoder is the decoder's table turned around: decode every two-byte pair once, keep the
// first pair that yields each code point.

let reverseMap: Map<number, number> | undefined;

/** Builds (once) and returns the code point → two-byte pair map of WHATWG euc-kr. */
function getReverseMap(): Map<number, number> {
  if (reverseMap) return reverseMap;
  const map = new Map<number, number>();
  const decoder = new TextDecoder('euc-kr', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue; // unmapped pointer
      }
      const cp = text.codePointAt(0);
      // A pair whose trail is ASCII can decode as two characters; only keep real two-byte mappings.
      if (cp === undefined || text.length !== 1 || cp < 0x80 || map.has(cp)) continue;
      map.set(cp, (lead << 8) | trail);
    }
  }
  reverseMap = map;
  return map;
}

/** What encodeEucKr does with a character EUC-KR cannot represent. */
export type EucKrFallback = 'ncr' | 'throw';

/**
 * Encodes text as EUC-KR (WHATWG euc-kr, i.e. Windows-949) bytes. Unencodable characters become
 * HTML numeric character references (`&#8364;`), as browsers do, or throw with `fallback: 'throw'`.
 */
export function encodeEucKr(text: string, opts: { fallback?: EucKrFallback } = {}): Uint8Array {
  const map = getReverseMap();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = map.get(cp);
    if (code !== undefined) {
      out.push(code >> 8, code & 0xff);
    } else if (opts.fallback === 'throw') {
      throw new Error(`demo: U+${cp.toString(16).toUpperCase().padStart(4, '0')} cannot be encoded as EUC-KR`);
    } else {
      for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
    }
  }
  return Uint8Array.from(out);
}
