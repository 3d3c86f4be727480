import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { BlockList } from 'node:net';
import { fileURLToPath } from 'node:url';
import { fetchUrl } from './fetch-url.ts';
import { checkUrl, classifyAddress, createGuardedLookup, isAllowedAddress, parseIPv6, type Resolver } from './ssrf-guard.ts';

// The shared security corpus lives next to the repository (../shared); tests skip without it.
const SSRF_DIR = fileURLToPath(new URL('../../../shared/corpora/security/ssrf/', import.meta.url));

interface SsrfCase {
  category: string;
  input: string;
  whatwg: { failure: true } | { href: string; protocol: string; hostname: string; port: string };
  verdict: 'block' | 'reject-invalid' | 'resolve-then-check' | 'allow';
  resolvesTo?: string;
}

function loadJson<T>(name: string): T | undefined {
  const path = SSRF_DIR + name;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

const PUBLIC_ADDRESS = '93.184.215.14';

// A stub resolver: never sends a query. IP-looking answers from the corpus are returned as is.
function stubResolver(answer: string | undefined, calls: string[]): Resolver {
  return async (hostname) => {
    calls.push(hostname);
    if (answer === undefined) throw Object.assign(new Error('stub NXDOMAIN'), { code: 'ENOTFOUND' });
    const family = answer.includes(':') ? 6 : 4;
    return [{ address: answer, family }];
  };
}

describe('ssrf guard: classifyAddress', () => {
  const table: [string, string | undefined][] = [
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.31.255.255', 'private'], ['172.32.0.1', undefined],
    ['192.168.1.1', 'private'], ['169.254.1.1', 'link-local'], ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'shared (CGNAT)'], ['100.100.100.200', 'cloud metadata'], ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['240.0.0.1', 'reserved'], ['255.255.255.255', 'broadcast'], ['8.8.8.8', undefined],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1%eth0', 'link-local'], ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'cloud metadata'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'], ['::ffff:8.8.8.8', undefined], ['::7f00:1', 'loopback'], ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'], ['2001:db8::1', 'documentation'], ['2606:4700::1111', undefined], ['1::', 'reserved'],
    ['not-an-ip', 'invalid'],
  ];
  for (const [ip, expected] of table) {
    it(`should classify ${ip} as ${expected ?? 'public'}`, () => {
      assert.equal(classifyAddress(ip), expected);
    });
  }

  it('should allow loopback only with allowPrivateNetworks, and never cloud metadata', () => {
    assert.equal(isAllowedAddress('127.0.0.1', false), false);
    assert.equal(isAllowedAddress('127.0.0.1', true), true);
    assert.equal(isAllowedAddress('169.254.169.254', true), false);
  });
});

describe('ssrf guard: PayloadsAllTheThings vectors', () => {
  const cases = loadJson<SsrfCase[]>('ssrf-cases.json');
  if (!cases) {
    it('corpus', (t) => t.skip(`shared SSRF corpus not found at ${SSRF_DIR}`));
    return;
  }
  for (const c of cases) {
    it(`should ${c.verdict} ${c.input} (${c.category})`, async () => {
      const calls: string[] = [];
      const ipAnswer = c.resolvesTo && /^[\d.]+$|:/.test(c.resolvesTo) ? c.resolvesTo : c.resolvesTo ? PUBLIC_ADDRESS : undefined;
      const v = await checkUrl(c.input, { allowPrivateNetworks: false, resolve: stubResolver(ipAnswer, calls) });
      switch (c.verdict) {
        case 'reject-invalid':
          assert.equal(v.ok ? 'ok' : v.reason, 'invalid-url');
          break;
        case 'block':
          assert.equal(v.ok, false);
          if (!v.ok) assert.ok(v.reason === 'blocked-address' || v.reason === 'invalid-url', v.message);
          assert.deepEqual(calls, [], 'literal and special-name verdicts need no DNS');
          // fetchUrl refuses it too, before any connection.
          {
            const o = await fetchUrl(c.input, { allowPrivateNetworks: false, userAgent: 't', accept: 'any', resolve: stubResolver(undefined, calls) });
            assert.equal(o.kind, 'failed');
            if (o.kind === 'failed') assert.ok(o.reason === 'blocked-address' || o.reason === 'invalid-url', o.message);
          }
          break;
        case 'allow':
          assert.equal(v.ok, true, v.ok ? '' : v.message);
          break;
        case 'resolve-then-check':
          assert.ok(calls.length > 0, 'a DNS name must be judged on its resolved address');
          if (ipAnswer && ipAnswer !== PUBLIC_ADDRESS) assert.equal(v.ok ? 'ok' : v.reason, 'blocked-address');
          else if (ipAnswer) assert.equal(v.ok, true);
          else assert.equal(v.ok ? 'ok' : v.reason, 'dns-failed');
          break;
      }
      if (!('failure' in c.whatwg) && v.ok) assert.equal(v.url.hostname, c.whatwg.hostname);
    });
  }

  it('should judge every resolution on its own (DNS rebinding alternates answers)', async () => {
    const answers = ['1.2.3.4', '169.254.169.254'];
    let i = 0;
    const resolve: Resolver = async () => [{ address: answers[i++ % 2]!, family: 4 }];
    const lookup = createGuardedLookup({ allowPrivateNetworks: false, resolve });
    const ask = () =>
      new Promise<{ err: unknown; address: unknown }>((done) =>
        (lookup as unknown as (h: string, o: object, cb: (err: unknown, address?: unknown) => void) => void)(
          'make-1.2.3.4-rebind-169.254-169.254-rr.1u.ms', { all: false }, (err, address) => done({ err, address }),
        ),
      );
    const first = await ask();
    assert.equal(first.err, null);
    assert.equal(first.address, '1.2.3.4');
    const second = await ask();
    assert.ok(second.err instanceof Error);
    assert.match(String((second.err as Error).message), /169\.254\.169\.254/);
  });
});

describe('ssrf guard: WHATWG non-canonical IP hosts', () => {
  const cases = loadJson<{ input: string; base: string | null; hostname?: string; failure?: boolean }[]>('wpt/ip-host-cases.json');
  if (!cases) {
    it('corpus', (t) => t.skip(`shared WPT corpus not found at ${SSRF_DIR}wpt/`));
    return;
  }
  // Node's BlockList parses addresses independently of parseIPv6: a cross-check of the range tests.
  const blocked = new BlockList();
  for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
    blocked.addSubnet(net, bits, 'ipv4');
  }
  for (const c of cases) {
    it(`should normalise ${JSON.stringify(c.input)}`, () => {
      if (c.failure) {
        assert.throws(() => new URL(c.input, c.base ?? undefined));
        return;
      }
      const url = new URL(c.input, c.base ?? undefined);
      assert.equal(url.hostname, c.hostname);
      if (!/^https?:$/.test(url.protocol)) return;
      const host = url.hostname.replace(/^\[|\]$/g, '');
      assert.notEqual(classifyAddress(host), 'invalid', 'every IP host must parse');
      if (host.includes(':')) {
        assert.ok(parseIPv6(host));
        return;
      }
      if (blocked.check(host, 'ipv4')) assert.equal(isAllowedAddress(host, false), false, `${host} must be refused`);
    });
  }
});
