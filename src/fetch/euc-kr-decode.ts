// An EUC-KR decoder as the WHATWG Encoding standard defines it (the Windows-949 / "UHC" table).
// Node's own TextDecoder('euc-kr') (ICU) knows only KS X 1001: for the 8,822 Hangul syllables
// outside it (똠, 햏, 뷁 …, used by real Korean pages) it silently drops the lead byte and keeps
// the trail as ASCII ("똠" becomes "c"). The KS X 1001 part of the table is read from ICU once;
// the UHC part is algorithmic: those syllables fill leads 0x81–0xC6 in Unicode order.

const LEAD_MIN = 0x81;
const TRAIL_MIN = 0x41;
const TRAIL_SPAN = 0xfe - TRAIL_MIN + 1;
let table: Uint16Array | undefined;

function trailsOf(lead: number): number[] {
  const trails: number[] = [];
  for (let b = 0x41; b <= 0x5a; b++) trails.push(b);
  for (let b = 0x61; b <= 0x7a; b++) trails.push(b);
  for (let b = 0x81; b <= (lead <= 0xa0 ? 0xfe : 0xa0); b++) trails.push(b);
  return trails;
}

function buildTable(): Uint16Array {
  const t = new Uint16Array((0xfe - LEAD_MIN + 1) * TRAIL_SPAN);
  const ks = new TextDecoder('euc-kr', { fatal: true });
  const inKs = new Set<number>();
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      try {
        const s = ks.decode(pair);
        if (s.length !== 1) continue;
        const cp = s.charCodeAt(0);
        t[(lead - LEAD_MIN) * TRAIL_SPAN + trail - TRAIL_MIN] = cp;
        if (cp >= 0xac00 && cp <= 0xd7a3) inKs.add(cp);
      } catch {
        // an unassigned pair stays 0
      }
    }
  }
  let cp = 0xac00;
  const next = () => {
    while (cp <= 0xd7a3 && inKs.has(cp)) cp++;
    return cp <= 0xd7a3 ? cp++ : 0;
  };
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    for (const trail of trailsOf(lead)) {
      const value = next();
      if (!value) return t;
      t[(lead - LEAD_MIN) * TRAIL_SPAN + trail - TRAIL_MIN] = value;
    }
  }
  return t;
}

/** Decodes EUC-KR (Windows-949) bytes; invalid sequences become U+FFFD, as browsers do. */
export function decodeEucKr(bytes: Uint8Array): string {
  table ??= buildTable();
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      chunk += String.fromCharCode(b);
    } else if (b >= LEAD_MIN && b <= 0xfe && i + 1 < bytes.length) {
      const trail = bytes[i + 1]!;
      const cp = trail >= TRAIL_MIN && trail <= 0xfe ? table[(b - LEAD_MIN) * TRAIL_SPAN + trail - TRAIL_MIN]! : 0;
      if (cp) {
        chunk += String.fromCharCode(cp);
        i++;
      } else {
        chunk += '\ufffd';
        // An ASCII trail byte is not consumed: it is decoded on its own next.
        if (trail >= 0x80) i++;
      }
    } else {
      chunk += '\ufffd';
    }
    if (chunk.length > 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}
