// The page frame every reader page shares.
import { type Child, createContext, useContext } from 'hono/jsx';

/** Display settings every view reads: the time zone dates are shown in, and `mediaUrl`, the address an image of another host is shown from (the media proxy, or the URL itself). */
export const DisplayContext = createContext<{ timeZone: string; mediaUrl: (url: string) => string }>({ timeZone: 'UTC', mediaUrl: (url) => url });

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
  const { timeZone } = useContext(DisplayContext);
  const text = formatter(props.lang?.startsWith('ko') ? 'ko-KR' : 'en-GB', timeZone).format(d);
  return <time datetime={d.toISOString()}>{text}</time>;
}
