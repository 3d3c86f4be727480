// A byline box left at the head of the body names the article's authors and its outlet and nothing
// else ("Dana Whitfield Riverside Courier", "Florida Today", "Jane Roe | The Ledger"): the names
// are already in their fields, so the line leaves the body.
import { removeUp, textBlocks } from './body-blocks.ts';
import { textLongerThan, type TextWalkNode } from './dom-walk.ts';
import { looseKey } from './loose-key.ts';

/** Blocks read at the head of the body, before its first paragraph of prose. */
const HEAD_BLOCKS = 4;
/** A block of prose this long ends the head. */
const PROSE_CHARS = 80;
/** A place after a comma closing a credit line ("…, Cardiff", "…, New York"). */
const CLOSING_PLACE = /,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}\s*$/u;
/** Words a credit line joins names with ("By Jane Roe and Max Mustermann, The Ledger"). */
const JOINERS = /\b(?:by|and|und|et|y|von|par|por|staff|writer|reporter|correspondent)\b/giu;

/** Removes the lines before the first paragraph that only name `names` (authors, outlets); returns how many went. */
export function removeCreditLines(content: Element, names: readonly string[]): number {
  const keys = [...new Set(names.map(looseKey).filter((k) => k.length >= 4))].sort((a, b) => b.length - a.length);
  if (keys.length === 0) return 0;
  const namesOnly = (text: string) => {
    // The place an affiliation closes with ("Jane Smith, Example News, Cardiff") is no name but belongs to the line.
    let rest = looseKey(text.replace(CLOSING_PLACE, '').replace(JOINERS, ' '));
    if (rest === '') return false;
    for (const k of keys) rest = rest.split(k).join('');
    return rest === '';
  };
  let removed = 0;
  for (const el of textBlocks(content).slice(0, HEAD_BLOCKS)) {
    if (!content.contains(el)) continue;
    // The line is the block the text sits in: a name in a <span> of a longer heading is not a line.
    const line = el.closest(LINE) ?? el;
    if (!content.contains(line) || line === content) continue;
    if (textLongerThan(line as unknown as TextWalkNode, PROSE_CHARS)) break;
    if (!namesOnly(line.textContent ?? '')) continue;
    removeUp(line, content);
    removed++;
  }
  return removed;
}

/** Elements that make a line of their own. */
const LINE = 'p, div, h1, h2, h3, h4, h5, h6, li, address, dd, dt, td, blockquote';
