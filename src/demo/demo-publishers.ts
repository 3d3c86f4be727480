// The publishers of the demo fixture site. Paths are relative to the site's base URL because
// the site listens on a random loopback port; resolveDemoPublisher makes them absolute.

/** A demo publisher with absolute URLs, as the CLI registers it as a source. */
export interface DemoPublisher {
  slug: string;
  name: string;
  homepageUrl: string;
  feedUrl: string;
  logoUrl: string;
  email: string;
  /** One line. */
  description: string;
  /** BCP 47. */
  lang: string;
  /** Canonical article URLs (no tracking parameters), newest first. */
  articleUrls: string[];
}

/** A demo publisher with site-relative paths instead of URLs. */
export interface DemoPublisherInfo {
  readonly slug: string;
  readonly name: string;
  readonly homepagePath: string;
  readonly feedPath: string;
  /** Other feeds of the same publisher (Atom, legacy encodings). */
  readonly extraFeedPaths: readonly string[];
  readonly logoPath: string;
  readonly email: string;
  readonly description: string;
  readonly lang: string;
  readonly articlePaths: readonly string[];
}

/** The publishers of the fixture site, in the order the demo adds them. */
export const demoPublishers: readonly DemoPublisherInfo[] = [
  {
    slug: 'harbor',
    name: 'The Harbor Gazette',
    homepagePath: '/harbor/',
    feedPath: '/harbor/feed.xml',
    extraFeedPaths: ['/harbor/atom.xml'],
    logoPath: '/harbor/logo.svg',
    email: 'newsroom@harborgazette.example',
    description: 'Local news from Harbor City: city hall, the waterfront and the weather.',
    lang: 'en',
    articlePaths: [
      '/harbor/news/2026/11/25/fishermens-market-reopens',
      '/harbor/news/2026/11/25/state-awards-seawall-funding',
      '/harbor/news/2026/11/24/council-freezes-ferry-fares',
    ],
  },
  {
    slug: 'hanbit',
    name: '한빛경제',
    homepagePath: '/hanbit/',
    feedPath: '/hanbit/rss/all.xml',
    extraFeedPaths: ['/hanbit/rss/all-euckr.xml'],
    logoPath: '/hanbit/logo.svg',
    email: 'news@hanbit.example',
    description: '금융·산업·부동산을 다루는 경제 전문 매체 (Hanbit Economy, Seoul).',
    lang: 'ko',
    articlePaths: [
      '/hanbit/article/202611260815',
      '/hanbit/article/202611251402',
      '/hanbit/article/202611240931',
    ],
  },
];

/** Turns a publisher's paths into absolute URLs under `baseUrl` (no trailing slash). */
export function resolveDemoPublisher(info: DemoPublisherInfo, baseUrl: string): DemoPublisher {
  return {
    slug: info.slug,
    name: info.name,
    homepageUrl: baseUrl + info.homepagePath,
    feedUrl: baseUrl + info.feedPath,
    logoUrl: baseUrl + info.logoPath,
    email: info.email,
    description: info.description,
    lang: info.lang,
    articleUrls: info.articlePaths.map((p) => baseUrl + p),
  };
}
