import { readFileSync } from 'node:fs';
import { extractArticle } from './extract/extract-article.ts';
const [d, key] = process.argv.slice(2);
const a = await extractArticle(readFileSync(`/work/shared/corpora/readability-test-pages/${d}/source.html`, 'utf8'), { url: 'http://fakehost/test/page.html' });
const i = a.contentHtml.indexOf(key);
console.log(a.contentHtml.slice(Math.max(0, i - 700), i + 300));
