import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

function expandIPv6(address: string): string[] | null {
  const zoneless = address.split('%')[0]!;
  const halves = zoneless.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  return [...head, ...Array<string>(missing).fill('0'), ...tail].map((group) => group.toLowerCase().padStart(4, '0'));
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = /^(?:::ffff:)?(\d+)\.\d+\.\d+\.\d+$/i.exec(address);
  if (v4) return v4[1] === '127';
  return address === '::1';
}

/**
 * The throttling key for a client address: IPv4 as is (IPv4-mapped IPv6
 * unwrapped), IPv6 by its /64 — one subscriber usually holds a whole /64,
 * so per-address counting would be trivial to spread out.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) {
    if (address.includes('.')) return address.toLowerCase();
    const groups = expandIPv6(address);
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return address.toLowerCase();
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; other addresses as they are. */
function unmapped(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

/**
 * A `for=` node of a `Forwarded` header (RFC 7239) or an entry of
 * `X-Forwarded-For`, as a bare IP address: quotes, brackets and a port
 * removed. Null when it is not an IP address ("unknown", an obfuscated
 * `_name`, garbage).
 */
export function forwardedNode(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  return isIPv4(value) || isIPv6(value) ? unmapped(value) : null;
}

/** The hops a `Forwarded` header names, nearest-to-client first; null entries for nodes that are not addresses. */
function forwardedFor(header: string): (string | null)[] {
  const hops: (string | null)[] = [];
  for (const element of header.split(',')) {
    const pair = element
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.toLowerCase().startsWith('for='));
    hops.push(pair ? forwardedNode(pair.slice(4)) : null);
  }
  return hops;
}

/** A `--trusted-proxy` value: an address or a CIDR range; RangeError otherwise. */
function parseCidr(value: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [rawAddress, rawPrefix, ...rest] = value.trim().split('/');
  const address = unmapped(rawAddress ?? '');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (!family || rest.length > 0 || !(rawPrefix === undefined || /^\d{1,3}$/.test(rawPrefix)) || prefix > max) {
    throw new RangeError(`not an IP address or CIDR range: ${JSON.stringify(value)} (e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8)`);
  }
  return { address, prefix, family };
}

/** Who sent a request: the client's address, as the socket or the trusted proxies tell it. */
export interface ClientOrigin {
  address: string | undefined;
  /** Forwarding headers came from a connection that is not a trusted proxy (ignored). */
  untrustedForwarding: boolean;
}

/**
 * The client's address. Without trusted proxies it is the connection's.
 * With them, a connection from a listed proxy is followed back through
 * `Forwarded` (when present) or `X-Forwarded-For`, from the right: every
 * hop that is itself a trusted proxy is skipped, and the first that is not
 * is the client. A hop that is not an address stops the walk at the
 * proxy that wrote it, so a client cannot hide behind garbage. Forwarding
 * headers from anyone else are ignored (anybody can send them).
 */
export class ClientAddresses {
  readonly #proxies = new BlockList();
  readonly #any: boolean;

  constructor(trustedProxies: readonly string[] = []) {
    for (const value of trustedProxies) {
      const { address, prefix, family } = parseCidr(value);
      this.#proxies.addSubnet(address, prefix, family);
    }
    this.#any = trustedProxies.length > 0;
  }

  #trusted(address: string): boolean {
    const bare = unmapped(address);
    return this.#proxies.check(bare, isIPv4(bare) ? 'ipv4' : 'ipv6');
  }

  resolve(req: Pick<IncomingMessage, 'headers' | 'socket'>): ClientOrigin {
    const peer = req.socket.remoteAddress;
    const forwarded = req.headers.forwarded;
    const xff = req.headers['x-forwarded-for'];
    const hasForwarding = forwarded !== undefined || xff !== undefined;
    if (!peer || !this.#any || !this.#trusted(peer)) return { address: peer, untrustedForwarding: hasForwarding };
    const hops =
      forwarded !== undefined
        ? forwardedFor(forwarded)
        : (Array.isArray(xff) ? xff.join(',') : (xff ?? '')).split(',').filter((part) => part.trim() !== '').map(forwardedNode);
    let client = unmapped(peer);
    for (let i = hops.length - 1; i >= 0 && this.#trusted(client); i -= 1) {
      const hop = hops[i];
      if (hop === null || hop === undefined) break;
      client = hop;
    }
    return { address: client, untrustedForwarding: false };
  }
}
