// The client's address for rate limits: the socket's peer, or, when that peer is a trusted
// reverse proxy (LEDE_TRUST_PROXY), the nearest untrusted address in X-Forwarded-For.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** Matches addresses against the trusted proxies' ranges. */
export function trustList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [addr = '', bits = ''] = range.split('/');
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    list.addSubnet(addr, Number(bits), type);
  }
  return list;
}

function normalize(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, '');
  // IPv4-mapped IPv6 (a dual-stack socket) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a.toLowerCase();
}

function trusted(list: BlockList, address: string): boolean {
  const v = isIP(address);
  return v !== 0 && list.check(address, v === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address of a request from `peer` with these X-Forwarded-For values. The header is
 * read right to left and only through trusted hops, so a client cannot forge its address.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, list: BlockList): string {
  let address = peer ? normalize(peer) : 'unknown';
  if (!forwardedFor || !trusted(list, address)) return address;
  const hops = forwardedFor.split(',').map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return address;
    address = hop;
    if (!trusted(list, hop)) return hop;
  }
  return address;
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The client address of a request served by @hono/node-server ('unknown' without a socket). */
export function clientAddress(c: Context, list: BlockList): string {
  const env = c.env as NodeBindings | undefined;
  return resolveClientAddress(env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), list);
}
