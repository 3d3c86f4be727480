// Plain text from article HTML, built from its block structure: each block (paragraph, heading,
// list item, caption…) becomes one paragraph separated by a blank line, so adjacent blocks never
// glue together ("end.Next") the way textContent does.
import { parseHtmlFragment } from './dom/parse-html.ts';
import { SPACE_RUNS } from './loose-key.ts';

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION',
  'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'FORM', 'FIELDSET',
]);
const CELL = new Set(['TD', 'TH']);

/** Minimal node shape used by the walker (the extract DOM and a browser DOM both satisfy it). */
interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/** Collapses whitespace inside one paragraph, keeping explicit line breaks. */
function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0\u200b]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** True when a figure holds a table, quote or code block (a figure of content rather than a photo). */
function hasQuotedBlock(n: TextNodeLike): boolean {
  const kids = n.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if (k.nodeType !== 1) continue;
    const name = k.nodeName.toUpperCase();
    if (name === 'TABLE' || name === 'BLOCKQUOTE' || name === 'PRE' || hasQuotedBlock(k)) return true;
  }
  return false;
}

/** Options for nodeToText. */
export interface TextOptions {
  /** Leave out <figcaption> text: captions describe a photo, not the story (they stay in the HTML and on the image). */
  readonly captions?: boolean;
}

/** Returns the plain text of a DOM subtree, one paragraph per block element, separated by blank lines. */
export function nodeToText(root: TextNodeLike, opts: TextOptions = {}): string {
  const captions = opts.captions ?? true;
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = tidy(cur);
    if (t !== '') paras.push(t);
    cur = '';
  };
  const walk = (n: TextNodeLike, inPre: boolean) => {
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      cur += inPre ? t : t.replace(SPACE_RUNS, ' ');
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'TEMPLATE' || name === 'NOSCRIPT') return;
    if (name === 'BR') {
      cur += '\n';
      return;
    }
    if (name === 'IMG') return;
    // Without captions, a figure gives only the tables, quotes and code it holds (its other text is a caption or credit).
    if (!captions && (name === 'FIGCAPTION' || (name === 'FIGURE' && !hasQuotedBlock(n)))) return;
    const block = BLOCK.has(name);
    if (block) flush();
    if (CELL.has(name)) cur += ' ';
    const pre = inPre || name === 'PRE';
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre);
    if (CELL.has(name)) cur += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paras.join('\n\n');
}

/** Returns the plain text of an HTML fragment, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const document = parseHtmlFragment(html);
  return nodeToText(document.body as unknown as TextNodeLike);
}
