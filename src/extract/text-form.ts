// One Unicode form for everything the extract stage hands on. Pages write the same letter in more
// than one way (Bengali "য়" as U+09DF or as U+09AF U+09BC, Hangul as a syllable or as conjoining
// jamo, "é" composed or not), and text that looks the same must compare, search, cluster and
// summarize the same. NFC is the form the web and search indexes use (W3C Character Model).
import type { Author, ExtractedArticle, ImageRef } from '../core/records.ts';

/**
 * `s` as a string of its own. A string cut from the page (an attribute value, a text node, a line
 * left as it was) can be a view into the whole page's HTML, and keeps all of it alive for as long
 * as the article is kept; a copy keeps only itself.
 */
// A string joined from two is flattened into one new string when it is sliced (V8), so the slice
// keeps only that copy: one copy and no encoding (a round trip through a Buffer took 8 times as long).
const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));
const nfc = (s: string) => own(s.normalize('NFC'));
const nfcOpt = <T extends string | undefined>(s: T): T => (s === undefined ? s : (nfc(s) as T));

function authorNfc(a: Author): Author {
  return { ...a, name: nfc(a.name), ...(a.outlet !== undefined ? { outlet: nfc(a.outlet) } : {}) };
}

function imageNfc(i: ImageRef): ImageRef {
  return { ...i, ...(i.caption !== undefined ? { caption: nfc(i.caption) } : {}), ...(i.credit !== undefined ? { credit: nfc(i.credit) } : {}), ...(i.alt !== undefined ? { alt: nfc(i.alt) } : {}) };
}

/** `a` with every text it holds in Unicode Normalization Form C (URLs, dates and e-mail addresses as they are). */
export function articleNfc(a: ExtractedArticle): ExtractedArticle {
  return {
    ...a,
    title: nfc(a.title),
    deck: a.deck.map(nfc),
    authors: a.authors.map(authorNfc),
    ...(a.siteName !== undefined ? { siteName: nfcOpt(a.siteName) } : {}),
    ...(a.excerpt !== undefined ? { excerpt: nfcOpt(a.excerpt) } : {}),
    ...(a.leadImage !== undefined ? { leadImage: imageNfc(a.leadImage) } : {}),
    images: a.images.map(imageNfc),
    contentHtml: nfc(a.contentHtml),
    text: nfc(a.text),
  };
}
