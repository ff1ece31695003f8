import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { OutboundError } from './outbound-error.js';
import type { ResolvedAddress } from './resolve-destination.js';

export interface OneRequest {
  url: URL;
  address: ResolvedAddress;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  signal: AbortSignal;
}

/** A connection's `lookup` that answers with the address already checked, whatever it is asked. */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, [address]);
    } else {
      callback(null, address.address, address.family);
    }
  };
}

/**
 * Sends one request to the checked address (never resolving the name again, so DNS cannot
 * change between the check and the connection) and resolves with the response head. No
 * agent: no pooled connection and no cookie jar is shared with anything.
 */
export function sendOnce(request: OneRequest): Promise<IncomingMessage> {
  const { url, address, signal } = request;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        lookup: pinnedLookup(address),
        agent: false,
        signal,
      },
      resolve,
    );
    outgoing.on('error', (error) => {
      if (signal.aborted) reject(signal.reason);
      else reject(new OutboundError('network', `${url.host}: ${error.message}`, url.href));
    });
    outgoing.end(request.body);
  });
}

/** Reads a response body, decoded, refusing it as soon as it passes `maxBytes` (declared or actual). */
export async function readBody(response: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const tooLarge = () => new OutboundError('too_large', `the response is larger than ${maxBytes} bytes`, url);
  if (encoding === 'identity' && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder && encoding !== 'identity') {
    response.destroy();
    throw new OutboundError('network', `unsupported content encoding "${encoding}"`, url);
  }
  const stream = decoder ? response.pipe(decoder) : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    decoder?.destroy();
    if (error instanceof OutboundError) throw error;
    throw new OutboundError('network', `reading the body failed: ${(error as Error).message}`, url);
  }
  return Buffer.concat(chunks);
}
