// The page frame every reader page shares.
import type { Child } from 'hono/jsx';

/** Display settings every view reads: the time zone dates are shown in, and `mediaUrl`, the address an image of another host is shown from (the media proxy, or the URL itself). */
export interface Display {
  readonly timeZone: string;
  readonly mediaUrl: (url: string) => string;
}

const DEFAULT_DISPLAY: Display = { timeZone: 'UTC', mediaUrl: (url) => url };
let current: Display = DEFAULT_DISPLAY;

/**
 * Renders `node` with `display` as the settings its views read (display()). Views are synchronous
 * functions, so the whole tree renders within this call and the setting cannot leak into another
 * render. (hono/jsx's own context would do the same through AsyncLocalStorage, which on Node 20
 * puts a hook on every promise the process makes.) A view that returns a promise is refused.
 */
export function renderWith(display: Display, node: Child): string {
  const previous = current;
  current = display;
  try {
    const html: unknown = (node as { toString(): unknown }).toString();
    if (typeof html !== 'string' && !(html instanceof String)) throw new TypeError('views must render synchronously (an async component was found)');
    return String(html);
  } finally {
    current = previous;
  }
}

/** The display settings of the render in progress. */
export function display(): Display {
  return current;
}

/** Wraps a page body in the site frame. */
export function Layout(props: { title: string; lang?: string; children: Child; description?: string }) {
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/assets/lede.css" />
        <link rel="alternate" type="application/json" href="/api/articles" title="Lede API" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Lede
          </a>
          <nav aria-label="Site">
            <a href="/">Latest</a>
            <a href="/sources">Sources</a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>Lede: a self-hosted news wire. Summaries are made by machine from the linked originals.</p>
        </footer>
      </body>
    </html>
  );
}

// Building an Intl.DateTimeFormat costs ~100 µs, formatting with one ~2 µs: keep one per locale and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' });
    formatters.set(key, f);
  }
  return f;
}

/** A timestamp readers can read, with the machine-readable value kept. */
export function Time(props: { iso?: string | null; lang?: string }) {
  if (!props.iso) return null;
  const d = new Date(props.iso);
  if (Number.isNaN(d.getTime())) return null;
  const { timeZone } = display();
  const text = formatter(props.lang?.startsWith('ko') ? 'ko-KR' : 'en-GB', timeZone).format(d);
  return <time datetime={d.toISOString()}>{text}</time>;
}
