import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DUMMY_PASSWORD_HASH, checkNewPassword, generatePassword, hashPassword, hashToken, newSecretToken, verifyPassword } from './credentials.ts';

describe('credentials', () => {
  it('should verify the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    assert.notEqual(a, b);
    assert.match(a, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', a), true);
    assert.equal(await verifyPassword('correct horse batterY', a), false);
    assert.equal(await verifyPassword('', a), false);
  });

  it('should refuse malformed, foreign and memory-hungry hashes without throwing', async () => {
    const good = await hashPassword('correct horse battery');
    const parts = good.split('$');
    for (const bad of ['', 'plain', `bcrypt$${parts.slice(1).join('$')}`, good.replace('$32768$', '$1073741824$'), good.replace('$32768$', '$1000$'), good.slice(0, -4)]) {
      assert.equal(await verifyPassword('correct horse battery', bad), false, bad);
    }
    assert.equal(await verifyPassword('anything at all', DUMMY_PASSWORD_HASH), false);
  });

  it('should ask for 12 characters at least', () => {
    assert.throws(() => checkNewPassword('short'), /at least 12/);
    assert.doesNotThrow(() => checkNewPassword(generatePassword()));
    assert.equal(generatePassword().length, 20);
  });

  it('should make distinct tokens and hash them stably', () => {
    const t = newSecretToken('lede');
    assert.match(t, /^lede_[\w-]{43}$/);
    assert.notEqual(t, newSecretToken('lede'));
    assert.equal(hashToken(t), hashToken(t));
    assert.notEqual(hashToken(t), t);
  });
});
