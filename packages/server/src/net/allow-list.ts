import { BlockList, isIP } from 'node:net';
import { embeddedIpv4, formatIpBytes, parseIpBytes } from './ip-bytes.js';

/**
 * Destinations an operator lets Snag reach although they are private or loopback
 * (`SNAG_OUTBOUND_ALLOW`): an intranet whose pages are recorded, or a test's local server.
 * A host name allows every address that name resolves to; a CIDR (or one address) allows
 * those addresses whatever name led there.
 */
export interface OutboundAllowList {
  hosts: ReadonlySet<string>;
  cidrs: readonly string[];
  /** Whether `ip`, reached by asking for `host`, is allowed despite the address policy. */
  allows(host: string, ip: string): boolean;
}

export class AllowListError extends Error {
  override name = 'AllowListError';
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Builds an allow-list from entries such as `intranet.example.com`, `10.1.0.0/16`, `127.0.0.1`, `::1`. */
export function createAllowList(entries: readonly string[]): OutboundAllowList {
  const hosts = new Set<string>();
  const cidrs: string[] = [];
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const [network = '', prefixText] = entry.split('/');
    const family = isIP(network);
    if (family !== 0) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > max ||
        (prefixText !== undefined && !/^\d+$/.test(prefixText))
      ) {
        throw new AllowListError(`"${raw}": the prefix length must be 0–${max}`);
      }
      list.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
      cidrs.push(`${network}/${prefix}`);
    } else if (prefixText === undefined && HOST_NAME.test(entry)) {
      hosts.add(entry);
    } else {
      throw new AllowListError(`"${raw}" is neither a host name nor an address or CIDR such as 10.0.0.0/8`);
    }
  }
  return {
    hosts,
    cidrs,
    allows(host, ip) {
      if (hosts.has(host.toLowerCase().replace(/\.$/, ''))) return true;
      const bytes = parseIpBytes(ip);
      if (!bytes) return false;
      if (bytes.length === 4) return list.check(formatIpBytes(bytes), 'ipv4');
      const v4 = embeddedIpv4(bytes);
      return (v4 !== undefined && list.check(v4, 'ipv4')) || list.check(formatIpBytes(bytes), 'ipv6');
    },
  };
}

/** Splits the comma-separated `SNAG_OUTBOUND_ALLOW` value. */
export function parseAllowListSetting(value: string | undefined): OutboundAllowList {
  return createAllowList((value ?? '').split(','));
}

export const EMPTY_ALLOW_LIST: OutboundAllowList = createAllowList([]);
