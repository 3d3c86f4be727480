// Routes that misbehave on purpose, so fetch, extract and pipeline tests can check how Lede
// copes with errors, stalls, loops, huge or non-HTML bodies, and broken feeds.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a bad route needs from the running site. */
export interface BadRouteContext {
  readonly baseUrl: string;
  /** Registers a timer so close() can clear it. */
  trackTimer(timer: NodeJS.Timeout): void;
}

/** Where `/bad/redirects/N` ends by default: the first Harbor Gazette article. */
export const REDIRECT_TARGET_PATH = '/harbor/news/2026/11/24/council-freezes-ferry-fares';

/** Size of `/bad/big` unless `?bytes=` says otherwise: 12 MiB. */
export const BIG_PAGE_BYTES = 12 * 1024 * 1024;

const MAX_REDIRECTS = 50;

/** Answers a `/bad/…` request; returns false when the path is not a bad route. */
export function handleBadRoute(req: IncomingMessage, res: ServerResponse, url: URL, ctx: BadRouteContext): boolean {
  const path = url.pathname;
  if (path === '/bad/404') return sendHtml(res, 404, 'Page not found', '<h1>404</h1><p>The page you are looking for has moved or never existed.</p>');
  if (path === '/bad/500') return sendHtml(res, 500, 'Internal Server Error', '<h1>500</h1><p>Something went wrong on our end.</p>');
  if (path === '/bad/429') {
    res.setHeader('Retry-After', '120');
    return sendHtml(res, 429, 'Too Many Requests', '<h1>429</h1><p>Slow down.</p>');
  }
  if (path === '/bad/stall') return stall(res, url);
  if (path === '/bad/slow') return slow(req, res, url, ctx);
  if (path === '/bad/redirect-loop') return redirect(res, 302, '/bad/redirect-loop');
  const chain = /^\/bad\/redirects\/(\d+)$/.exec(path);
  if (chain) return redirectChain(res, Number(chain[1]), url, ctx);
  if (path === '/bad/big') return sendBig(res, url);
  if (path === '/bad/binary') return sendBytes(res, 'application/octet-stream', makeBinary(64 * 1024));
  if (path === '/bad/pdf') return sendBytes(res, 'application/pdf', makePdf());
  return false;
}

function sendHtml(res: ServerResponse, status: number, title: string, body: string): true {
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>${body}</body></html>\n`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
  return true;
}

function sendBytes(res: ServerResponse, type: string, bytes: Uint8Array): true {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(bytes);
  return true;
}

function redirect(res: ServerResponse, status: number, location: string): true {
  res.writeHead(status, { Location: location, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': 0 });
  res.end();
  return true;
}

// `/bad/stall` sends its status line, headers and the first bytes of a page, then never
// finishes the body. `?phase=headers` never answers at all. Either stays open until the client
// gives up or the site is closed (close() destroys the socket).
function stall(res: ServerResponse, url: URL): true {
  if (url.searchParams.get('phase') === 'headers') return true;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.write('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Loading');
  return true;
}

// `/bad/slow?ms=N` waits N ms (default 2000, at most 60000) and then serves a small page.
function slow(req: IncomingMessage, res: ServerResponse, url: URL, ctx: BadRouteContext): true {
  const ms = Math.min(60_000, Math.max(0, Number(url.searchParams.get('ms') ?? 2000) || 0));
  const timer = setTimeout(() => {
    if (!res.destroyed) sendHtml(res, 200, 'Slow page', `<h1>Slow page</h1><p>Served after ${ms} ms.</p>`);
  }, ms);
  ctx.trackTimer(timer);
  req.on('close', () => clearTimeout(timer));
  return true;
}

// `/bad/redirects/N` answers with N redirects in a row, then the article at `?to=` (a path,
// default REDIRECT_TARGET_PATH). Hops alternate between absolute and path-only Location
// headers, and between 302 and 301, as mixed real-world chains do.
function redirectChain(res: ServerResponse, n: number, url: URL, ctx: BadRouteContext): true {
  if (!Number.isInteger(n) || n < 1 || n > MAX_REDIRECTS) {
    return sendHtml(res, 404, 'Not found', `<p>Redirect chains are 1 to ${MAX_REDIRECTS} long.</p>`);
  }
  const to = url.searchParams.get('to');
  const target = to && to.startsWith('/') && !to.startsWith('//') ? to : REDIRECT_TARGET_PATH;
  const query = to ? `?to=${encodeURIComponent(to)}` : '';
  const next = n === 1 ? target : `/bad/redirects/${n - 1}${query}`;
  return redirect(res, n % 2 === 0 ? 301 : 302, n % 2 === 1 ? ctx.baseUrl + next : next);
}

let bigPage: Buffer | undefined;

/** Builds the filler page once: valid HTML made of many paragraphs, exactly `size` bytes. */
function makeBigPage(size: number): Buffer {
  const head = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A very long page | The Harbor Gazette</title></head><body><main>\n';
  const tail = '</main></body></html>\n';
  const para = '<p>This paragraph repeats to make the page large. Harbor City ferries ran on time today.</p>\n';
  const out = Buffer.alloc(size, ' ');
  out.write(head, 0);
  let at = Buffer.byteLength(head);
  const end = size - Buffer.byteLength(tail);
  while (at + para.length <= end) at += out.write(para, at);
  out.write(tail, end);
  return out;
}

// `/bad/big` streams 12 MiB of HTML in 64 KiB writes, honouring back-pressure. It sends
// Content-Length unless `?nolength=1` (then chunked). `?bytes=N` picks another size (≤ 64 MiB).
function sendBig(res: ServerResponse, url: URL): true {
  const asked = Number(url.searchParams.get('bytes'));
  const size = Number.isInteger(asked) && asked >= 1024 && asked <= 64 * 1024 * 1024 ? asked : BIG_PAGE_BYTES;
  const body = size === BIG_PAGE_BYTES ? (bigPage ??= makeBigPage(size)) : makeBigPage(size);
  const headers: Record<string, string | number> = { 'Content-Type': 'text/html; charset=utf-8' };
  if (url.searchParams.get('nolength') !== '1') headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  let offset = 0;
  const pump = (): void => {
    while (offset < body.length) {
      if (res.destroyed) return;
      const slice = body.subarray(offset, offset + 64 * 1024);
      offset += slice.length;
      if (!res.write(slice)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
  return true;
}

/** Deterministic pseudo-random bytes (an LCG), starting with bytes no text sniffer accepts. */
function makeBinary(size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  out.set([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00], 0);
  return out;
}

/** A minimal valid one-page PDF saying "Annual report", with a correct xref table. */
function makePdf(): Buffer {
  const stream = 'BT /F1 24 Tf 72 720 Td (Harbor Gazette annual report 2026) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
