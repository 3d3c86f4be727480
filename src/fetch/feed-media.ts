// Picks an entry's or a feed's image from Media RSS, iTunes and enclosures.
import type { MediaNs } from 'feedsmith';
import { resolveUrl } from './feed-values.ts';

const IMAGE_EXT = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)(?:[?#]|$)/i;

function isImageContent(c: MediaNs.Content): boolean {
  if (c.medium) return c.medium.toLowerCase() === 'image';
  if (c.type) return c.type.toLowerCase().startsWith('image/');
  return IMAGE_EXT.test(c.url ?? '');
}

/** The best image of a Media RSS block: an image media:content, else the first media:thumbnail. */
export function mediaImage(media: MediaNs.ItemOrFeed | undefined, base?: string): string | undefined {
  if (!media) return undefined;
  const groups = media.groups ?? [];
  const contents = [...(media.contents ?? []), ...groups.flatMap((g) => g.contents ?? [])];
  // Prefer the default, then the widest image.
  const images = contents.filter((c) => c.url && isImageContent(c));
  images.sort((a, b) => Number(b.isDefault ?? false) - Number(a.isDefault ?? false) || (b.width ?? 0) - (a.width ?? 0));
  const thumbs = [
    ...(media.thumbnails ?? []),
    ...groups.flatMap((g) => g.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
  ];
  const url = images[0]?.url ?? thumbs.find((t) => t.url)?.url;
  return resolveUrl(url, base);
}

/** The first enclosure that is an image, by MIME type or file extension. */
export function enclosureImage(
  enclosures: readonly { readonly url: string; readonly type?: string }[],
): string | undefined {
  return enclosures.find((e) => (e.type ? e.type.toLowerCase().startsWith('image/') : IMAGE_EXT.test(e.url)))?.url;
}

/** Media RSS `media:content` items as enclosures: Media RSS defines them as a richer `<enclosure>`. */
export function mediaEnclosures(
  media: MediaNs.ItemOrFeed | undefined,
  base?: string,
): { url: string; type?: string; length?: number }[] {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const out: { url: string; type?: string; length?: number }[] = [];
  for (const c of contents) {
    const url = resolveUrl(c.url, base);
    if (!url) continue;
    const type = c.type?.trim() || undefined;
    out.push({ url, ...(type ? { type } : {}), ...(typeof c.fileSize === 'number' && c.fileSize >= 0 ? { length: c.fileSize } : {}) });
  }
  return out;
}
