import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { MAX_BODY_BYTES, MAX_DECOMPRESSED_BYTES } from '@snag/protocol';
import type { Request } from 'express';
import { REQUEST_BODY_TIMEOUT_MS } from '../constants.js';
import { HttpError } from '../http/errors.js';

const gunzipAsync = promisify(gunzip);

export interface BodyLimits {
  maxBodyBytes: number;
  maxDecompressedBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxDecompressedBytes: MAX_DECOMPRESSED_BYTES,
};

/** Compressed bodies up to this size are inflated on the event loop (bounded by the output limit). */
const SYNC_GUNZIP_MAX_BYTES = 16 * 1024;

const ACCEPTED_TYPES = new Set(['application/json', 'text/plain']);

/** Rejects bodies that are neither JSON nor text (sendBeacon sends text/plain). */
export function checkContentType(req: Request): void {
  const header = req.headers['content-type'];
  const type = header?.split(';')[0]?.trim().toLowerCase();
  if (!type || !ACCEPTED_TYPES.has(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Content-Type must be application/json or text/plain, got ${header ? JSON.stringify(header) : 'none'}`,
    );
  }
}

/**
 * Reads the request body within the size limits: the raw bytes as sent, then the
 * decompressed bytes when `Content-Encoding: gzip`, stopping as soon as either
 * limit is passed so a gzip bomb never expands in memory.
 */
export async function readBody(req: Request, limits: BodyLimits = DEFAULT_BODY_LIMITS): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    throw new HttpError(415, 'unsupported_encoding', `Content-Encoding must be gzip or absent, got "${encoding}"`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw tooLarge(`body is ${declared} bytes; the limit is ${limits.maxBodyBytes}`);
  }
  const raw = await readRaw(req, limits.maxBodyBytes);
  if (encoding === 'identity') return raw;
  try {
    const options = { maxOutputLength: limits.maxDecompressedBytes };
    // Small bodies (typical SDK batches) inflate faster inline than via the thread pool.
    return raw.length <= SYNC_GUNZIP_MAX_BYTES ? gunzipSync(raw, options) : await gunzipAsync(raw, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(`decompressed body exceeds the limit of ${limits.maxDecompressedBytes} bytes`);
    }
    throw new HttpError(400, 'invalid_gzip', 'body is not valid gzip data');
  }
}

function readRaw(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      cleanup();
      req.unpipe();
      reject(new HttpError(408, 'request_timeout', 'the request body took too long to arrive'));
    }, REQUEST_BODY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        reject(tooLarge(`body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLarge(message: string): HttpError {
  return new HttpError(413, 'payload_too_large', message);
}
