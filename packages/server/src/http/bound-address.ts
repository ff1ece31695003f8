import type { AddressInfo } from 'node:net';

export interface BoundAddress {
  /** The address the socket is bound to, e.g. `http://0.0.0.0:4318` or `http://[::1]:4318`. */
  boundUrl: string;
  /** An address a local client can connect to (loopback when bound to every interface). */
  url: string;
  /** Bound to every interface (`0.0.0.0` / `::`): reachable from other machines. */
  allInterfaces: boolean;
}

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '::0']);

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** What `server.address()` says, as URLs for the banner and for local clients. */
export function describeBoundAddress(address: AddressInfo): BoundAddress {
  const allInterfaces = ALL_INTERFACES.has(address.address);
  const local = allInterfaces ? '127.0.0.1' : address.address;
  return {
    boundUrl: `http://${hostPart(address.address)}:${address.port}`,
    url: `http://${hostPart(local)}:${address.port}`,
    allInterfaces,
  };
}
