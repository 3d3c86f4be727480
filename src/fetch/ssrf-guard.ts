// SSRF guard: decides whether an address may be connected to, and provides a DNS lookup for the
// HTTP agent that resolves once, checks every address and hands only checked addresses to the
// socket. The check therefore runs at connect time on the address actually used, so a name that
// resolves differently the second time (DNS rebinding) cannot slip past it. IP literals never
// reach a lookup, so fetchUrl checks them per hop with checkHostname.
import { promises as dns } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** Why an address is not public ("loopback", "private", "link-local", …). */
export type AddressRange =
  | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'shared (CGNAT)' | 'multicast' | 'reserved'
  | 'broadcast' | 'documentation' | 'benchmarking' | 'unique-local' | 'site-local' | 'cloud metadata' | 'invalid';

/** Parses a dotted-quad IPv4 address to a 32-bit number. */
export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

/** Parses an IPv6 address (brackets, zone id and embedded IPv4 allowed) to eight 16-bit groups. */
export function parseIPv6(input: string): number[] | undefined {
  let s = input.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const tail: number[] = [];
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIPv4(v4[2]!);
    if (n === undefined) return undefined;
    tail.push(n >>> 16, n & 0xffff);
    s = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 && given !== 8) return undefined;
  if (halves.length === 2 && given > 7) return undefined;
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
}

function inV4(ip: number, base: string, bits: number): boolean {
  const b = parseIPv4(base)!;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((b & mask) >>> 0);
}

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and successors), most specific first.
const V4_RANGES: readonly [string, number, AddressRange][] = [
  ['169.254.169.254', 32, 'cloud metadata'],
  ['100.100.100.200', 32, 'cloud metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

function classifyV4(n: number): AddressRange | undefined {
  for (const [base, bits, range] of V4_RANGES) if (inV4(n, base, bits)) return range;
  return undefined;
}

function classifyV6(g: number[]): AddressRange | undefined {
  const [a, b, c, d, e, f, h, i] = g as [number, number, number, number, number, number, number, number];
  const v4 = ((h << 16) >>> 0) + i;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0) {
    if (f === 0xffff) return classifyV4(v4); // ::ffff:a.b.c.d, IPv4-mapped
    if (f === 0 && h === 0 && i === 0) return 'unspecified';
    if (f === 0 && h === 0 && i === 1) return 'loopback';
    if (f === 0) return classifyV4(v4) ?? 'reserved'; // ::a.b.c.d, deprecated IPv4-compatible
    return 'reserved';
  }
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return classifyV4(v4); // NAT64
  if (a === 0xfd00 && b === 0x0ec2 && c === 0 && d === 0 && e === 0 && f === 0 && h === 0 && i === 0x254) return 'cloud metadata';
  if ((a & 0xfe00) === 0xfc00) return 'unique-local';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'site-local';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0x0db8) return 'documentation';
  if (a === 0x2002) return classifyV4(((b << 16) >>> 0) + c) ?? undefined; // 6to4 embeds an IPv4 address
  if (a === 0x2001 && b < 0x0200) return 'reserved'; // 2001::/23 IETF protocol assignments (Teredo, ORCHID…)
  if ((a & 0xe000) !== 0x2000) return 'reserved'; // outside 2000::/3 global unicast
  return undefined;
}

/** Classifies an IP address: undefined when public, else the non-public range it belongs to. */
export function classifyAddress(ip: string): AddressRange | undefined {
  const v4 = parseIPv4(ip);
  if (v4 !== undefined) return classifyV4(v4);
  const v6 = parseIPv6(ip);
  if (v6) return classifyV6(v6);
  return 'invalid';
}

/** True when an address of this range may be used: public ones always, most others only with allowPrivateNetworks. */
export function isAllowedAddress(ip: string, allowPrivateNetworks: boolean): boolean {
  const range = classifyAddress(ip);
  if (range === undefined) return true;
  // Cloud metadata endpoints hold credentials: never fetched, even on a trusted network.
  if (range === 'cloud metadata' || range === 'invalid') return false;
  return allowPrivateNetworks;
}

// Names that are loopback or metadata by definition (RFC 6761 §6.3; GCP), refused before any lookup.
function namedRange(hostname: string): AddressRange | undefined {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback';
  if (h === 'metadata.google.internal' || h === 'metadata') return 'cloud metadata';
  return undefined;
}

/** Thrown by the guarded lookup (and returned by checkHostname) when a host maps to a refused address. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_LEDE_BLOCKED_ADDRESS';
  constructor(readonly hostname: string, readonly address: string, readonly range: AddressRange) {
    super(`fetch: refusing private address ${address} (${range}) for host ${hostname}`);
    this.name = 'BlockedAddressError';
  }
}

/** Checks a URL hostname before connecting: IP literals and special names are judged here, other names at lookup. */
export function checkHostname(hostname: string, allowPrivateNetworks: boolean): BlockedAddressError | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (isAllowedAddress(bare, allowPrivateNetworks)) return undefined;
    return new BlockedAddressError(hostname, bare, classifyAddress(bare) ?? 'invalid');
  }
  const named = namedRange(bare);
  if (named === 'cloud metadata' || (named && !allowPrivateNetworks)) {
    return new BlockedAddressError(hostname, bare, named);
  }
  return undefined;
}

/** Resolves a host name to all its addresses (a stub in tests, DNS otherwise). */
export type Resolver = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Resolves `hostname` and returns its addresses when every one is allowed; throws BlockedAddressError otherwise. */
export async function resolveAllowed(
  hostname: string,
  opts: { allowPrivateNetworks: boolean; resolve?: Resolver },
): Promise<{ address: string; family: number }[]> {
  const early = checkHostname(hostname, opts.allowPrivateNetworks);
  if (early) throw early;
  const bare = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  const addresses = family ? [{ address: bare, family }] : [...(await (opts.resolve ?? systemResolver)(bare))];
  if (addresses.length === 0) {
    throw Object.assign(new Error(`fetch: no address for ${hostname}`), { code: 'ENOTFOUND' });
  }
  // Every answer must pass: a record set mixing public and private addresses is a rebinding tell.
  for (const a of addresses) {
    if (!isAllowedAddress(a.address, opts.allowPrivateNetworks)) {
      throw new BlockedAddressError(hostname, a.address, classifyAddress(a.address) ?? 'invalid');
    }
  }
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** A `lookup` for net/tls/undici `connect` options that only ever yields allowed addresses. */
export function createGuardedLookup(opts: { allowPrivateNetworks: boolean; resolve?: Resolver }): LookupFunction {
  return ((hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolveAllowed(hostname, opts).then(
      (addresses) => {
        const want = options?.family === 6 || options?.family === 'IPv6' ? 6 : options?.family === 4 || options?.family === 'IPv4' ? 4 : 0;
        const usable = want ? addresses.filter((a) => a.family === want) : addresses;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`fetch: no IPv${want} address for ${hostname}`), { code: 'ENOTFOUND' }));
        } else if (options?.all) {
          callback(null, usable);
        } else {
          callback(null, usable[0]!.address, usable[0]!.family);
        }
      },
      (err: unknown) => callback(err),
    );
  }) as LookupFunction;
}

/** The guard's verdict on a URL: allowed with the checked addresses, or refused with a reason code. */
export type UrlVerdict =
  | { readonly ok: true; readonly url: URL; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly reason: 'invalid-url' | 'blocked-address' | 'dns-failed'; readonly message: string };

/** Checks a URL as fetchUrl would before connecting: WHATWG parse, http(s) only, then the resolved addresses. */
export async function checkUrl(input: string, opts: { allowPrivateNetworks: boolean; resolve?: Resolver }): Promise<UrlVerdict> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'invalid-url', message: `fetch: invalid URL ${JSON.stringify(input)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'invalid-url', message: `fetch: unsupported scheme ${url.protocol} in ${JSON.stringify(url.href)}` };
  }
  try {
    const addresses = await resolveAllowed(url.hostname, opts);
    return { ok: true, url, addresses: addresses.map((a) => a.address) };
  } catch (e) {
    if (e instanceof BlockedAddressError) {
      return { ok: false, reason: 'blocked-address', message: `fetch: refusing private address ${e.address} (${e.range}) for ${url.href}` };
    }
    const code = (e as { code?: unknown }).code;
    return { ok: false, reason: 'dns-failed', message: `fetch: cannot resolve host of ${url.href} (${typeof code === 'string' ? code : 'error'})` };
  }
}
