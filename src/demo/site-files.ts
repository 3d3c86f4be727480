// The static part of the fixture site: which file under site/ answers which path, with what
// media type and charset. Files hold `{{base}}` where a real site would print its own origin.
import { readFile } from 'node:fs/promises';
import { makeGradientPng, type Rgb } from './gradient-png.ts';

/** One file of the site and how to serve it. */
export interface SiteFile {
  readonly path: string;
  /** Relative to src/demo/site/. */
  readonly file: string;
  /** Media type without parameters. */
  readonly type: string;
  /** Bytes on the wire: the UTF-8 source is re-encoded for 'euc-kr'. */
  readonly charset: 'utf-8' | 'euc-kr';
  /** Whether Content-Type names the charset (false: only the document itself declares it). */
  readonly charsetInHeader: boolean;
  /** Feeds get ETag/Last-Modified and conditional GET; so do pages (Last-Modified = dateModified). */
  readonly lastModified: string;
  /** Publisher slug for feeds (FixtureSite.setFeedItemLimit). */
  readonly feedOf?: string;
}

const HTML = 'text/html';
const RSS = 'application/rss+xml';

/** Every static file of the site. */
export const siteFiles: readonly SiteFile[] = [
  // The Harbor Gazette (English, UTF-8)
  page('/harbor/', 'harbor/index.html', '2026-11-25T16:20:00Z'),
  page('/harbor/news/2026/11/24/council-freezes-ferry-fares', 'harbor/council-freezes-ferry-fares.html', '2026-11-24T14:10:00Z'),
  page('/harbor/news/2026/11/25/state-awards-seawall-funding', 'harbor/state-awards-seawall-funding.html', '2026-11-25T13:30:00Z'),
  page('/harbor/news/2026/11/25/fishermens-market-reopens', 'harbor/fishermens-market-reopens.html', '2026-11-25T16:20:00Z'),
  feed('/harbor/feed.xml', 'harbor/feed.xml', RSS, 'harbor', '2026-11-25T16:20:00Z'),
  feed('/harbor/atom.xml', 'harbor/atom.xml', 'application/atom+xml', 'harbor', '2026-11-25T16:20:00Z'),
  asset('/harbor/logo.svg', 'harbor/logo.svg', 'image/svg+xml'),
  // 한빛경제 (Korean): EUC-KR with the charset in the header, EUC-KR declared only in <meta>, UTF-8
  { ...page('/hanbit/article/202611240931', 'hanbit/base-rate-hold.html', '2026-11-24T01:05:00Z'), charset: 'euc-kr' },
  { ...page('/hanbit/article/202611251402', 'hanbit/chip-exports.html', '2026-11-25T05:40:00Z'), charset: 'euc-kr', charsetInHeader: false },
  page('/hanbit/article/202611260815', 'hanbit/jeonse-ratio.html', '2026-11-25T23:20:00Z'),
  page('/hanbit/', 'hanbit/index.html', '2026-11-25T23:20:00Z'),
  feed('/hanbit/rss/all.xml', 'hanbit/rss-all.xml', RSS, 'hanbit', '2026-11-25T23:20:00Z'),
  // The same feed as EUC-KR bytes, named only by its XML declaration (Content-Type: text/xml).
  { ...feed('/hanbit/rss/all-euckr.xml', 'hanbit/rss-all.xml', 'text/xml', 'hanbit', '2026-11-25T23:20:00Z'), charset: 'euc-kr', charsetInHeader: false },
  asset('/hanbit/logo.svg', 'hanbit/logo.svg', 'image/svg+xml'),
  // Bad input
  page('/bad/no-article', 'bad/no-article.html', '2026-11-20T00:00:00Z'),
  feed('/bad/malformed-feed.xml', 'bad/malformed-feed.xml', 'text/xml', undefined, '2026-11-20T00:00:00Z'),
  feed('/bad/not-a-feed.xml', 'bad/not-a-feed.xml', 'application/xml', undefined, '2026-11-20T00:00:00Z'),
  feed('/bad/empty-feed.xml', 'bad/empty-feed.xml', RSS, undefined, '2026-11-20T00:00:00Z'),
];

function page(path: string, file: string, lastModified: string): SiteFile {
  return { path, file, type: HTML, charset: 'utf-8', charsetInHeader: true, lastModified };
}

function feed(path: string, file: string, type: string, feedOf: string | undefined, lastModified: string): SiteFile {
  return { path, file, type, charset: 'utf-8', charsetInHeader: true, lastModified, ...(feedOf ? { feedOf } : {}) };
}

function asset(path: string, file: string, type: string): SiteFile {
  return { path, file, type, charset: 'utf-8', charsetInHeader: false, lastModified: '2026-01-05T00:00:00Z' };
}

const SITE_DIR = new URL('./site/', import.meta.url);

/** Reads a site file's UTF-8 source. */
export async function readSiteFile(file: string): Promise<string> {
  return readFile(new URL(file, SITE_DIR), 'utf8');
}

/** A generated article photo. */
interface PhotoSpec {
  readonly path: string;
  readonly from: Rgb;
  readonly to: Rgb;
}

const photoSpecs: readonly PhotoSpec[] = [
  { path: '/harbor/photos/ferry-pier-4.png', from: [18, 53, 91], to: [120, 190, 230] },
  { path: '/harbor/photos/council-vote.png', from: [90, 40, 30], to: [220, 200, 160] },
  { path: '/harbor/photos/eastside-seawall.png', from: [40, 50, 60], to: [200, 220, 230] },
  { path: '/harbor/photos/market-hall.png', from: [160, 60, 20], to: [250, 210, 120] },
  { path: '/harbor/photos/market-ice-plant.png', from: [200, 230, 250], to: [30, 80, 140] },
  { path: '/hanbit/photos/202611/bok-building.png', from: [11, 61, 46], to: [220, 210, 180] },
  { path: '/hanbit/photos/202611/mpc-meeting.png', from: [60, 40, 90], to: [230, 200, 120] },
  { path: '/hanbit/photos/202611/chip-exports.png', from: [20, 20, 40], to: [80, 200, 220] },
  { path: '/hanbit/photos/202611/apartments.png', from: [150, 150, 160], to: [240, 170, 90] },
  { path: '/hanbit/photos/202611/jeonse-office.png', from: [70, 110, 60], to: [240, 240, 210] },
];

const photoCache = new Map<string, Buffer>();

/** Returns the PNG (320×200) served at `path`, or undefined when there is none. */
export function getPhoto(path: string): Buffer | undefined {
  const spec = photoSpecs.find((s) => s.path === path);
  if (!spec) return undefined;
  let png = photoCache.get(path);
  if (!png) {
    png = makeGradientPng(320, 200, spec.from, spec.to);
    photoCache.set(path, png);
  }
  return png;
}
