// Lede patches linkedom (patches/linkedom+*.patch, applied by `npm install` through
// patch-package): its EventTarget made a WeakMap entry and a Map for every node it parsed, which
// made parsing a news page 2-3x slower. The patch makes them on the first addEventListener. This
// checks that the patch is applied and that events still work.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';

describe('linkedom as patched', () => {
  it('should be installed with listener maps made on first use', () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('linkedom').replace(/cjs\/index\.js$/, 'esm/interface/event-target.js');
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /constructor\(\) \{\s*wm\.set\(this, new Map\);/, 'run `npm install` (postinstall applies patches/ with patch-package)');
    assert.match(source, /if \(!map\)\s*wm\.set\(this, map = new Map\);/);
  });

  it('should still add, dispatch, bubble and remove event listeners', () => {
    const { document, Event } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>');
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;
    const seen: string[] = [];
    const onOuter = (e: Event) => seen.push(`outer:${(e.target as Element).id}`);
    inner.removeEventListener('ping', onOuter); // never added: no error
    outer.addEventListener('ping', onOuter);
    inner.addEventListener('ping', () => seen.push('inner'), { once: true });
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    outer.removeEventListener('ping', onOuter);
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    assert.deepEqual(seen, ['inner', 'outer:inner', 'outer:inner']);
  });
});
