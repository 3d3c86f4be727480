import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import type { DomElement } from './dom-element.ts';
import { type DomNode, type DomText, ELEMENT_NODE, TEXT_NODE } from './dom-node.ts';
import { MAX_TREE_DEPTH, parseHtmlDocument } from './parse-html.ts';

const page = (body: string, head = '<title>T</title>') => parseHtmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

/** Element names, attributes and text, adjacent text runs joined (linkedom keeps a node per parser call). */
function shape(node: { firstChild: unknown }): string {
  let out = '';
  let text = '';
  for (let n = node.firstChild as DomNode | null; n !== null; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE) {
      text += (n as DomText).data;
      continue;
    }
    if (text) out += JSON.stringify(text);
    text = '';
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as DomElement;
    const attrs = Array.from(el.attributes, (a) => `${a.name.toLowerCase()}=${JSON.stringify(a.value)}`).join(' ');
    out += `<${el.tagName.toLowerCase()}${attrs ? ' ' + attrs : ''}>${shape(el)}</>`;
  }
  return text ? out + JSON.stringify(text) : out;
}

describe('parseHtmlDocument', () => {
  it('should close elements where HTML implies it, as linkedom does', () => {
    const doc = page('<p>a<p>b<ul><li>one<li>two</ul><table><tr><td>x<td>y</table>');
    assert.equal(shape(doc.body), '<p>"a"</><p>"b"</><ul><li>"one"</><li>"two"</></><table><tr><td>"x"</><td>"y"</></></>');
  });

  it('should lower-case attribute names, decode entities and make one text node of a run of text', () => {
    const doc = page('<p SRC="a.jpg" Class="x" data-t="&quot;q&quot;">Fish &amp; chips&nbsp;today</p>');
    const p = doc.querySelector('p')!;
    assert.equal(p.getAttribute('src'), 'a.jpg');
    assert.equal(p.getAttribute('SRC'), 'a.jpg');
    assert.equal(p.className, 'x');
    assert.equal(p.getAttribute('data-t'), '"q"');
    assert.equal(p.childNodes.length, 1);
    assert.equal(p.textContent, 'Fish & chips\u00a0today');
  });

  it('should give the same tree as linkedom for any nesting of common tags', () => {
    const tag = fc.constantFrom('p', 'div', 'span', 'a', 'li', 'ul', 'b', 'br', 'img', 'table', 'tr', 'td', 'h2', 'figure', 'figcaption');
    const text = fc.constantFrom('x', ' ', 'a &amp; b', '&lt;', 'é', '\n');
    const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean(), fc.constantFrom('', ' class="k"', ' id="i" title="a&quot;b"')).map(([t, kids, close, attrs]) => `<${t}${attrs}>${kids.join('')}${close ? `</${t}>` : ''}`),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 5 }), (parts) => {
        const html = `<!doctype html><html><head></head><body>${parts.join('')}</body></html>`;
        const ours = parseHtmlDocument(html);
        const theirs = parseHTML(html).document;
        assert.equal(shape(ours.documentElement!), shape(theirs.documentElement as never));
      }),
      { numRuns: 500 },
    );
  });

  it('should stop nesting at the depth browsers stop at, keeping every element and all the text', () => {
    const depth = 20_000;
    const doc = page(`${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}<p>after</p>`);
    let deepest = 0;
    const walk: [DomNode, number][] = [[doc, 0]];
    while (walk.length) {
      const [n, d] = walk.pop()!;
      deepest = Math.max(deepest, d);
      for (let c = n.firstChild; c; c = c.nextSibling) walk.push([c, d + 1]);
    }
    assert.ok(deepest <= MAX_TREE_DEPTH + 4, `depth ${deepest}`);
    assert.equal(doc.getElementsByTagName('div').length, depth);
    assert.match(doc.body.textContent ?? '', /deep text\s*after$/);
    assert.ok(doc.body.innerHTML.length > depth * 5, 'serializes without overflowing the stack');
  });

  it('should make a head and a body when the page has none, as linkedom does', () => {
    const doc = parseHtmlDocument('<html><p>text</p></html>');
    assert.equal(doc.head.tagName, 'HEAD');
    assert.equal(doc.body.previousElementSibling, doc.head);
    assert.equal(doc.documentElement!.firstElementChild, doc.head);
    assert.equal(parseHtmlDocument('<html><head><title>A &amp; B</title></head></html>').title, 'A & B');
  });
});

describe('DomNode', () => {
  it('should keep child lists true after every change, and old lists as they were', () => {
    const doc = page('<div id="d"><p>1</p><p>2</p><p>3</p></div>');
    const div = doc.getElementById('d')!;
    const before = div.childNodes;
    const [one, two, three] = div.children;
    div.removeChild(two!);
    assert.deepEqual(div.children, [one, three]);
    assert.equal(before.length, 3);
    div.insertBefore(two!, one!);
    assert.deepEqual(div.children.map((p) => p.textContent), ['2', '1', '3']);
    const span = doc.createElement('SPAN');
    div.replaceChild(span, one!);
    assert.deepEqual(Array.from(div.childNodes, (n) => n.nodeName), ['P', 'SPAN', 'P']);
    assert.equal(one!.parentNode, null);
    assert.equal(span.previousSibling, two);
    assert.equal(span.nextElementSibling, three);
    assert.equal(div.lastElementChild, three);
  });

  it('should move a node that already has a parent, and refuse to put a node inside itself', () => {
    const doc = page('<div id="a"><b>x</b></div><div id="b"></div>');
    const b = doc.querySelector('b')!;
    doc.getElementById('b')!.appendChild(b);
    assert.equal(doc.getElementById('a')!.childNodes.length, 0);
    assert.equal(b.parentElement!.id, 'b');
    assert.throws(() => b.appendChild(doc.getElementById('b')!), { name: 'HierarchyRequestError' });
    assert.throws(() => doc.getElementById('a')!.removeChild(b), { name: 'NotFoundError' });
    b.replaceWith('y', doc.createElement('i'));
    assert.equal(doc.getElementById('b')!.innerHTML, 'y<i></i>');
    assert.equal(b.isConnected, false);
  });

  it('should serialize so that parsing the output gives the same tree', () => {
    const doc = page('<p class="a&amp;b" title=\'say "hi"\'>x &lt; y &amp; z<br><img src="a.jpg?x=1&amp;y=2"></p><script>if (a < b && c) {}</script><!-- note -->');
    const html = doc.body.innerHTML;
    assert.equal(html, '<p class="a&amp;b" title="say &quot;hi&quot;">x &lt; y &amp; z<br><img src="a.jpg?x=1&amp;y=2"></p><script>if (a < b && c) {}</script><!-- note -->');
    assert.equal(page(html).body.innerHTML, html);
    const p = doc.querySelector('p')!;
    p.innerHTML = '<em>new</em> text';
    assert.equal(p.outerHTML, '<p class="a&amp;b" title="say &quot;hi&quot;"><em>new</em> text</p>');
    p.textContent = '<b>';
    assert.equal(p.innerHTML, '&lt;b&gt;');
  });

  it('should keep a loop over the attributes whole while it removes them', () => {
    const el = page('<p a="1" b="2" c="3"></p>').querySelector('p')!;
    for (const attr of el.attributes) el.removeAttribute(attr.name);
    assert.equal(el.hasAttributes(), false);
    el.setAttribute('Data-X', 5);
    assert.deepEqual(el.getAttributeNames(), ['data-x']);
    const copy = el.cloneNode();
    copy.setAttribute('data-x', 'changed');
    assert.equal(el.getAttribute('data-x'), '5');
  });

  it('should read display and visibility from the inline style', () => {
    const doc = page('<div style="color: red; DISPLAY: none !important"></div><div></div>');
    const [hidden, plain] = doc.body.children;
    assert.equal(hidden!.style.display, 'none');
    assert.equal(plain!.style.display, '');
  });
});

describe('selectors', () => {
  const doc = page('<main id="m"><p class="lead x">a</p><div><p>b</p><a href="/x" rel="author">c</a></div></main><p>d</p>');
  it('should find descendants in document order, never the root itself', () => {
    const main = doc.getElementById('m')!;
    assert.deepEqual(Array.from(main.querySelectorAll('p, a'), (e) => e.textContent), ['a', 'b', 'c']);
    assert.deepEqual(Array.from(main.querySelectorAll('main'), (e) => e.id), []);
    assert.equal(doc.querySelectorAll('p').length, 3);
  });
  it('should not look into a template, whether the selector is a tag list or more', () => {
    const t = page('<template><p>hidden</p></template><p>shown</p>');
    assert.deepEqual(Array.from(t.querySelectorAll('p, template'), (e) => e.tagName), ['TEMPLATE', 'P']);
    assert.deepEqual(Array.from(t.querySelectorAll('body p'), (e) => e.textContent), ['shown']);
  });
  it('should support combinators, attribute and negation selectors, matches and closest', () => {
    assert.deepEqual(Array.from(doc.querySelectorAll('main > p'), (e) => e.textContent), ['a']);
    assert.equal(doc.querySelector('[class~=x]')!.textContent, 'a');
    assert.equal(doc.querySelector('a[rel=author][href^="/"]')!.textContent, 'c');
    assert.deepEqual(Array.from(doc.querySelectorAll('p:not(.lead)'), (e) => e.textContent), ['b', 'd']);
    const a = doc.querySelector('a')!;
    assert.equal(a.matches('div > a'), true);
    assert.equal(a.closest('main')!.id, 'm');
    assert.equal(a.closest('section'), null);
  });
});

describe('Readability on this DOM', () => {
  const dir = join(import.meta.dirname, '..', 'testdata');
  for (const name of readdirSync(dir)) {
    it(`should pick the same article as on linkedom: ${name}`, () => {
      const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
      const ours = new Readability(parseHtmlDocument(html) as unknown as Document).parse();
      const theirs = new Readability(parseHTML(html).document as unknown as Document).parse();
      assert.deepEqual(
        { title: ours?.title, byline: ours?.byline, text: ours?.textContent?.replace(/\s+/g, ' ') },
        { title: theirs?.title, byline: theirs?.byline, text: theirs?.textContent?.replace(/\s+/g, ' ') },
      );
    });
  }
});
