import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTrustProxy } from '../core/config.ts';
import { resolveClientAddress, trustList } from './client-address.ts';

describe('client address', () => {
  const none = trustList([]);
  const proxies = trustList(parseTrustProxy('loopback,10.0.0.0/8,fd00::/8'));

  it('should use the socket peer and ignore X-Forwarded-For from untrusted peers', () => {
    assert.equal(resolveClientAddress('203.0.113.9', '198.51.100.1', none), '203.0.113.9');
    assert.equal(resolveClientAddress('::ffff:203.0.113.9', undefined, proxies), '203.0.113.9');
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.1', none), '127.0.0.1');
    assert.equal(resolveClientAddress(undefined, '198.51.100.1', proxies), 'unknown');
  });

  it('should take the nearest untrusted hop behind trusted proxies', () => {
    assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.1', proxies), '198.51.100.1');
    // A client that sends its own X-Forwarded-For cannot choose its address.
    assert.equal(resolveClientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1, 10.1.2.3', proxies), '198.51.100.1');
    assert.equal(resolveClientAddress('::1', '2001:db8::1', proxies), '2001:db8::1');
    assert.equal(resolveClientAddress('127.0.0.1', 'garbage, 198.51.100.1', proxies), '198.51.100.1');
    assert.equal(resolveClientAddress('127.0.0.1', 'not-an-ip', proxies), '127.0.0.1');
    assert.equal(resolveClientAddress('10.0.0.2', '10.0.0.3', proxies), '10.0.0.3');
  });

  it('should reject malformed trust settings', () => {
    assert.throws(() => parseTrustProxy('10.0.0.0/33'), /LEDE_TRUST_PROXY/);
    assert.throws(() => parseTrustProxy('proxy.example'), /LEDE_TRUST_PROXY/);
    assert.deepEqual(parseTrustProxy(' 192.0.2.1 , ::1 '), ['192.0.2.1/32', '::1/128']);
  });
});
