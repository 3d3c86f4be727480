// BCP 47 language tags as pages and feeds write them ("en_us", "ko-kr", "en-US,en").

/** Normalises a language tag from markup ("en_US", "EN-us", "ko-KR") to BCP 47 ("en-US"). */
export function normalizeLanguageTag(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const first = tag.split(/[,;]/)[0]?.trim().replace(/_/g, '-') ?? '';
  const m = /^([a-zA-Z]{2,3})(?:-([a-zA-Z]{4}))?(?:-([a-zA-Z]{2}|\d{3}))?$/.exec(first);
  if (!m) return undefined;
  let out = m[1]!.toLowerCase();
  if (m[2]) out += '-' + m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase();
  if (m[3]) out += '-' + m[3].toUpperCase();
  return out;
}
