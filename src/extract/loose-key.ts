// The loose forms the extract stage compares lines by (a deck repeated in the body, a caption in an
// alt text, a heading against the title): lower case, letters and digits only; or the text with its
// runs of whitespace collapsed.

/** `s` in lower case with everything but letters and digits removed. */
export function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `s` with each run of whitespace made one space, trimmed (null and undefined give ""). */
export function collapseSpaces(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
