import { isIPv4, isIPv6 } from 'node:net';

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
