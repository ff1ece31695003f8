import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isRefusedAddress } from './address-policy.js';
import type { OutboundAllowList } from './allow-list.js';
import { OutboundError } from './outbound-error.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses; injectable so tests never touch real DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => ({ address: answer.address, family: answer.family === 6 ? 6 : 4 }));
};

/** The URL's host as a bare name or address (brackets of an IPv6 literal removed). */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Resolves the URL's host and checks every address against the policy: one refused address
 * refuses the whole name (a DNS answer mixing a public and a private address is an attack).
 * Returns the address to connect to, so the connection uses exactly what was checked.
 */
export async function resolveDestination(
  url: URL,
  resolve: Resolver,
  allow: OutboundAllowList,
): Promise<ResolvedAddress> {
  const host = bareHost(url);
  const literal = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new OutboundError('dns', `${host} did not resolve: ${(error as Error).message}`, url.href);
    }
  }
  if (addresses.length === 0) throw new OutboundError('dns', `${host} resolved to no address`, url.href);
  for (const { address } of addresses) {
    if (isRefusedAddress(address) && !allow.allows(host, address)) {
      throw new OutboundError(
        'blocked_address',
        `${host} resolves to ${address}, a private, loopback or reserved address (allow it with SNAG_OUTBOUND_ALLOW)`,
        url.href,
      );
    }
  }
  const first = addresses[0] as ResolvedAddress;
  return first;
}
