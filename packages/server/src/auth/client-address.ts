import { isIPv4, isIPv6 } from 'node:net';
import { IPV6_PREFIX_HEXTETS } from './constants.js';

/**
 * The address a sign-in is counted against: an IPv4 address as is (also when IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address by its /64 network, since a single host or home
 * router usually gets a whole /64 and could otherwise try from 2^64 addresses.
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const hextets = [...headParts, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...tailParts];
  return `${hextets
    .slice(0, IPV6_PREFIX_HEXTETS)
    .map((part) => part.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
