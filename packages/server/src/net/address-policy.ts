import { BlockList } from 'node:net';
import { embeddedIpv4, formatIpBytes, parseIpBytes } from './ip-bytes.js';

/**
 * Ranges an outbound request from Snag never reaches unless an operator allows them
 * (`SNAG_OUTBOUND_ALLOW`): anything that is not the public internet, so a recorded page
 * cannot make the server read its own network (SSRF).
 */
const REFUSED_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation TEST-NET-2
  ['203.0.113.0', 24], // documentation TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

const REFUSED_V6: ReadonlyArray<readonly [string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, …)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (includes fd00:ec2::254, a metadata address)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const refused = new BlockList();
for (const [network, prefix] of REFUSED_V4) refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of REFUSED_V6) refused.addSubnet(network, prefix, 'ipv6');

/**
 * True when Snag must not connect to `ip` by default: loopback, private, carrier-grade NAT,
 * link-local (cloud metadata), unique-local, unspecified, multicast, broadcast, reserved and
 * documentation ranges — also when written as an IPv4-mapped, -compatible, NAT64 or 6to4
 * IPv6 address. Anything that is not an IP address is refused too.
 */
export function isRefusedAddress(ip: string): boolean {
  const bytes = parseIpBytes(ip);
  if (!bytes) return true;
  if (bytes.length === 4) return refused.check(formatIpBytes(bytes), 'ipv4');
  const v4 = embeddedIpv4(bytes);
  if (v4 !== undefined && refused.check(v4, 'ipv4')) return true;
  return refused.check(formatIpBytes(bytes), 'ipv6');
}
