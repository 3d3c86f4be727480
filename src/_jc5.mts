import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import { parseHtmlDocument } from './extract/dom/parse-html.ts';
import { prepareHtml } from './extract/prepare-html.ts';
import { looksLikeJunk } from './extract/junk-filter.ts';
const [name, key] = process.argv.slice(2);
const file = execSync(`ls /work/shared/corpora/trafilatura-eval/*/${name}*.html.gz`).toString().trim().split('\n')[0]!;
const d = parseHtmlDocument(prepareHtml(gunzipSync(readFileSync(file)).toString('utf8')).html) as any;
let hit: any = null;
for (const p of Array.from(d.querySelectorAll('p, div, li, span, td, section, article')) as any[]) if ((p.textContent ?? '').includes(key) && !Array.from(p.children).some((c: any) => (c.textContent ?? '').includes(key))) { hit = p; break; }
for (let e = hit; e && e.tagName; e = e.parentElement) if (looksLikeJunk(e) || /^(NAV|ASIDE|FORM|BUTTON)$/.test(e.tagName)) console.log('JUNK:', e.tagName, e.getAttribute('class'), e.getAttribute('id'), e.getAttribute('role'), e.getAttribute('style'), e.getAttribute('aria-hidden'));
