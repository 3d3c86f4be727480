// Display settings reach the views of the render in progress, and only those.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { display, renderWith, Time } from './layout.tsx';

const iso = '2026-03-01T23:30:00.000Z';

describe('renderWith', () => {
  it('should render times in the zone of the render, and leave the next render its own', () => {
    const seoul = renderWith({ timeZone: 'Asia/Seoul', mediaUrl: (u) => u }, <Time iso={iso} lang="ko" />);
    const utc = renderWith({ timeZone: 'UTC', mediaUrl: (u) => u }, <Time iso={iso} />);
    assert.match(seoul, /3월 2일 08:30/, seoul);
    assert.match(utc, /1 Mar 2026, 23:30/, utc);
    assert.match(seoul, /datetime="2026-03-01T23:30:00.000Z"/);
  });

  it('should restore the outer settings after a nested render and after a failure', () => {
    const outer = { timeZone: 'Europe/Paris', mediaUrl: (u: string) => `/m?u=${u}` };
    function Nested() {
      const inner = renderWith({ timeZone: 'UTC', mediaUrl: (u) => u }, <b>{display().mediaUrl('x')}</b>);
      return <i>{inner}{display().mediaUrl('y')}</i>;
    }
    const html = renderWith(outer, <Nested />);
    assert.match(html, /\/m\?u=y/);
    assert.throws(() => renderWith(outer, <Broken />), /boom/);
    assert.equal(display().timeZone, 'UTC', 'the default is back');
  });

  it('should refuse an async component rather than render it with the wrong settings', () => {
    async function Later() {
      await Promise.resolve();
      return <p>{display().timeZone}</p>;
    }
    assert.throws(() => renderWith({ timeZone: 'Asia/Seoul', mediaUrl: (u) => u }, <Later />), /synchronously/);
  });
});

function Broken(): never {
  throw new Error('boom');
}
