// Lede patches fast-xml-parser, the XML reader under feedsmith (patches/fast-xml-parser+*.patch,
// applied by `npm install` through patch-package): it compiled the parser's stopNodes into path
// expressions on every parse() call, which for feedsmith's long list cost more than parsing a
// small feed. The patch compiles them once per parser. This checks that the patch is applied and
// that stop nodes still work, per parser, over many parses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

// The copy feedsmith loads (an ES module under src/).
const require = createRequire(createRequire(import.meta.url).resolve('feedsmith'));
const root = join(dirname(require.resolve('fast-xml-parser')), '..');

describe('fast-xml-parser as patched', () => {
  it('should be installed with stop nodes compiled once per parser', () => {
    const source = readFileSync(join(root, 'src', 'xmlparser', 'OrderedObjParser.js'), 'utf8');
    assert.match(source, /stopNodeSets\.get\(this\.options\)/, 'run `npm install` (postinstall applies patches/ with patch-package)');
  });

  it('should still keep each parser’s stop nodes raw, parse after parse', async () => {
    type Parser = { parse(xml: string): Record<string, Record<string, unknown>> };
    const { XMLParser } = (await import(pathToFileURL(join(root, 'src', 'fxp.js')).href)) as { XMLParser: new (o: object) => Parser };
    const html = new XMLParser({ stopNodes: ['*.html'] });
    const plain = new XMLParser({ stopNodes: ['*.raw'] });
    for (let i = 0; i < 3; i++) {
      assert.equal(html.parse(`<doc><html><b>bold ${i}</b></html></doc>`).doc!.html, `<b>bold ${i}</b>`);
      // The other parser's expressions are its own: <html> is parsed there, <raw> is not.
      const other = plain.parse(`<doc><html><b>x</b></html><raw><i>y</i></raw></doc>`).doc!;
      assert.deepEqual(other.html, { b: 'x' });
      assert.equal(other.raw, '<i>y</i>');
    }
  });
});
