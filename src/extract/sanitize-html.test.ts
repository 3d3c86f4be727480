import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeHtml } from './sanitize-html.ts';

describe('sanitizeHtml', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src="https://e.example/a.jpg" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="color:red" class="c" id="i">t</p>',
    '<iframe src="https://e.example/"></iframe>',
    '<svg onload="alert(1)"><text>s</text></svg>',
  ];
  it('should remove scripts, handlers, javascript: links, style, iframes and svg', () => {
    const value = sanitizeHtml(hostile.join(''));
    for (const bad of ['<script', 'alert', 'onerror', 'javascript:', 'style=', 'class=', 'id=', '<iframe', '<svg', 'onload']) {
      assert.ok(!value.includes(bad), `${bad} in ${value}`);
    }
    assert.ok(value.includes('<p>t</p>'));
  });
  it('should keep article markup and add rel to links', () => {
    assert.equal(
      sanitizeHtml('<figure><img src="https://e.example/a.jpg" alt="a"><figcaption>Cap <cite>AP</cite></figcaption></figure><p><a href="https://e.example/">l</a></p>'),
      '<figure><img src="https://e.example/a.jpg" alt="a" /><figcaption>Cap <cite>AP</cite></figcaption></figure><p><a href="https://e.example/" rel="noopener noreferrer nofollow">l</a></p>',
    );
  });
  it('should never produce more tags than it was given', () => {
    const input = '<p><b>a</b><script>x</script><i>b</i></p>'.repeat(50);
    assert.ok(sanitizeHtml(input).split('<').length <= input.split('<').length);
  });
});
