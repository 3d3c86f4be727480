// Reads the XML prolog (declaration, PIs, comments, DOCTYPE) up to the root start tag, by
// indexOf jumps rather than one regex: a lazy-regex prolog pattern backtracks badly on hostile
// input (thousands of unterminated "<?"), and this runs on every feed.

/** Where the DOCTYPE sits, its full text and its internal subset, if any. */
export interface Doctype {
  readonly index: number;
  readonly text: string;
  readonly subset?: string;
}

/** The prolog of a document: its DOCTYPE and the root element's name, when found. */
export interface Prolog {
  readonly doctype?: Doctype;
  readonly rootName?: string;
}

const LIMIT = 65_536;

// The end (exclusive) of a DOCTYPE starting at `at`, or -1 when it is unterminated within the limit.
function doctypeEnd(xml: string, at: number): { end: number; subset?: string } | undefined {
  const gt = xml.indexOf('>', at);
  const bracket = xml.indexOf('[', at);
  if (gt < 0) return undefined;
  if (bracket < 0 || gt < bracket) return { end: gt + 1 };
  let pos = bracket + 1;
  for (;;) {
    const close = xml.indexOf(']', pos);
    if (close < 0 || close > LIMIT) return undefined;
    let k = close + 1;
    while (k < xml.length && /\s/.test(xml[k]!)) k++;
    if (xml[k] === '>') return { end: k + 1, subset: xml.slice(bracket + 1, close) };
    pos = close + 1;
  }
}

/** Scans the prolog of `xml`: the DOCTYPE (only there: "<!DOCTYPE" inside content is text) and the root name. */
export function scanProlog(xml: string): Prolog {
  let i = 0;
  let doctype: Doctype | undefined;
  while (i < LIMIT) {
    while (i < xml.length && (xml[i] === ' ' || xml[i] === '\n' || xml[i] === '\r' || xml[i] === '\t')) i++;
    if (xml[i] !== '<') return { doctype };
    let next: number;
    if (xml.startsWith('<?', i)) next = xml.indexOf('?>', i + 2) + 2;
    else if (xml.startsWith('<!--', i)) next = xml.indexOf('-->', i + 4) + 3;
    else if (xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const d = doctypeEnd(xml, i);
      if (!d) return { doctype };
      doctype = { index: i, text: xml.slice(i, d.end), ...(d.subset !== undefined ? { subset: d.subset } : {}) };
      next = d.end;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 256))?.[1];
      return name ? { doctype, rootName: name } : { doctype };
    }
    if (next < 2) return { doctype };
    i = next;
  }
  return { doctype };
}
