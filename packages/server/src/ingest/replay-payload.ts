import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { MAX_REPLAY_CHUNK_BYTES, type ReplayEvent, type RrwebEvent, rrwebEventSchema } from '@snag/protocol';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { checkJsonDepth } from './json-depth.js';

const gunzipAsync = promisify(gunzip);
const rrwebEventsSchema = z.array(rrwebEventSchema).min(1).max(100_000);

/** The rrweb events of a replay chunk, decoded and checked like inline ones. */
export async function decodeReplayEvents(event: ReplayEvent, index: number): Promise<RrwebEvent[]> {
  const path = `events.${index}.data`;
  if (event.encoding === 'json') return event.events ?? [];
  let json: Buffer;
  try {
    json = await gunzipAsync(Buffer.from(event.data ?? '', 'base64'), { maxOutputLength: MAX_REPLAY_CHUNK_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, 'payload_too_large', `${path}: replay chunk exceeds ${MAX_REPLAY_CHUNK_BYTES} bytes`, {
        path,
      });
    }
    throw new HttpError(400, 'invalid_batch', `${path}: not valid base64-encoded gzip`, { path });
  }
  checkJsonDepth(json, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_batch', `${path}: decompressed replay chunk is not JSON`, { path });
  }
  const result = rrwebEventsSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = [path, ...(issue?.path ?? []).map(String)].join('.');
    throw new HttpError(400, 'invalid_batch', `${where}: ${issue?.message ?? 'invalid rrweb events'}`, { path: where });
  }
  return result.data;
}
