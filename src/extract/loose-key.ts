// The loose form the extract stage compares lines by (a deck repeated in the body, a caption in an
// alt text, a heading against the title): lower case, letters and digits only.

/** `s` in lower case with everything but letters and digits removed. */
export function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
