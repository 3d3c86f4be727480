import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHtmlDocument } from './extract/dom/parse-html.ts';
import { prepareHtml } from './extract/prepare-html.ts';
import { removeJunk, looksLikeJunk } from './extract/junk-filter.ts';
const C = '/work/shared/corpora/trafilatura-eval/';
const ev = JSON.parse(readFileSync(C + 'evaldata.json', 'utf8'));
const fns = JSON.parse(readFileSync('/tmp/diag/r14.json', 'utf8')).filter((o: any) => o.kind === 'FN');
const norm = (s: string) => s.replace(/\s+/g, ' ');
const byFile = new Map<string, string[]>();
for (const o of fns) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o.snip]);
for (const [url, e] of Object.entries<any>(ev)) {
  const snips = byFile.get(e.file); if (!snips) continue;
  const p = existsSync(C + 'cache/' + e.file + '.gz') ? C + 'cache/' + e.file + '.gz' : C + 'eval/' + e.file + '.gz';
  const buf = gunzipSync(readFileSync(p)); let html = buf.toString('utf8');
  const m = /charset=["']?([\w-]+)/i.exec(html.slice(0, 4000)); if (m && !/utf-?8/i.test(m[1])) { try { html = new TextDecoder(m[1]).decode(buf); } catch {} }
  const d = parseHtmlDocument(prepareHtml(html).html) as any;
  const raw = norm(d.body?.textContent ?? '');
  const present = snips.filter((s) => raw.includes(norm(s)));
  // find the junk ancestor for each present snippet
  const culprits: string[] = [];
  for (const s of present) {
    let hit: any = null;
    for (const el of Array.from(d.querySelectorAll('*')) as any[]) if (norm(el.textContent ?? '').includes(norm(s)) && !Array.from(el.children).some((c: any) => norm(c.textContent ?? '').includes(norm(s)))) { hit = el; break; }
    for (let x = hit; x && x.tagName; x = x.parentElement) if (looksLikeJunk(x) || /^(NAV|ASIDE|FORM|BUTTON|DIALOG)$/.test(x.tagName)) { culprits.push(`${x.tagName}.${(x.getAttribute('class') ?? '').slice(0, 60)}#${x.getAttribute('id') ?? ''}${x.getAttribute('style') ? ' S' : ''}${x.getAttribute('aria-hidden') ? ' AH' : ''}${x.getAttribute('role') ? ' R=' + x.getAttribute('role') : ''}`); break; }
  }
  removeJunk(d);
  const after = norm(d.body?.textContent ?? '');
  const lost = present.filter((s) => !after.includes(norm(s)));
  if (lost.length) console.log(lost.length, e.file.slice(0, 40), '|', [...new Set(culprits)].join(' ; '));
}
