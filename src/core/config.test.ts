// Configuration: defaults, validation and cross-field checks.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_REACTIONS, loadConfig, parseReactions } from './config.ts';

describe('loadConfig', () => {
  it('should apply defaults and let flags win over the environment', () => {
    const c = loadConfig({ PORT: '4000' }, { port: 5000 });
    assert.equal(c.port, 5000);
    assert.equal(c.dataDir, './data');
    assert.equal(c.allowPrivateNetworks, false);
    assert.equal(c.timeZone, 'UTC');
    assert.deepEqual(c.reactions, DEFAULT_REACTIONS);
    assert.equal(c.llm, undefined);
    assert.ok(Object.isFrozen(c));
  });
  it('should reject invalid values with a one-line message', () => {
    assert.throws(() => loadConfig({ PORT: 'abc' }), /^Error: config: PORT: /);
    assert.throws(() => loadConfig({ LEDE_TIMEZONE: 'Mars/Olympus' }), /LEDE_TIMEZONE/);
    assert.throws(() => loadConfig({ LEDE_ALLOW_PRIVATE_NETWORKS: 'maybe' }), /LEDE_ALLOW_PRIVATE_NETWORKS/);
    assert.throws(() => loadConfig({ LEDE_LLM_URL: 'http://127.0.0.1:11434/v1' }), /LEDE_LLM_MODEL/);
  });
  it('should read the LLM settings, with the key from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-config-'));
    writeFileSync(join(dir, 'key'), 'sk-secret\n');
    const c = loadConfig({ LEDE_LLM_URL: 'http://127.0.0.1:11434/v1', LEDE_LLM_MODEL: 'qwen2.5', LEDE_LLM_API_KEY_FILE: join(dir, 'key') });
    assert.deepEqual(c.llm, { url: 'http://127.0.0.1:11434/v1', model: 'qwen2.5', apiKey: 'sk-secret', timeoutMs: 60000, concurrency: 2 });
    assert.throws(() => loadConfig({ LEDE_LLM_URL: 'http://x.example/v1', LEDE_LLM_MODEL: 'm', LEDE_LLM_API_KEY_FILE: join(dir, 'missing') }), /cannot read/);
  });
  it('should parse 4 to 6 reactions', () => {
    assert.deepEqual(parseReactions('a:A,b:B,c,d:D d'), [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'c' },
      { id: 'd', label: 'D d' },
    ]);
    assert.throws(() => parseReactions('a,b,c'), /4 to 6/);
    assert.throws(() => parseReactions('a,b,c,a'), /duplicate/);
    assert.throws(() => parseReactions('a,b,c,D!'), /invalid reaction id/);
  });
});
