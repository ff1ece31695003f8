import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { MAX_REPLAY_CHUNK_BYTES, type ReplayEvent, type RrwebEvent, rrwebEventSchema } from '@snag/protocol';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { checkJsonDepth } from './json-depth.js';

const gunzipAsync = promisify(gunzip);
const rrwebEventsSchema = z.array(rrwebEventSchema).min(1).max(100_000);

/**
 * Decoded replay bytes left for one batch: every chunk of a batch shares MAX_REPLAY_CHUNK_BYTES,
 * so a body of many small gzip bombs cannot decode into many times the limit.
 */
export interface ReplayBudget {
  bytes: number;
}

export const newReplayBudget = (): ReplayBudget => ({ bytes: MAX_REPLAY_CHUNK_BYTES });

/** The rrweb events of a replay chunk, decoded (within the batch's budget) and checked like inline ones. */
export async function decodeReplayEvents(
  event: ReplayEvent,
  index: number,
  budget: ReplayBudget = newReplayBudget(),
): Promise<RrwebEvent[]> {
  const path = `events.${index}.data`;
  if (event.encoding === 'json') return event.events ?? [];
  let json: Buffer;
  try {
    if (budget.bytes <= 0) throw Object.assign(new Error('replay budget spent'), { code: 'ERR_BUFFER_TOO_LARGE' });
    json = await gunzipAsync(Buffer.from(event.data ?? '', 'base64'), { maxOutputLength: budget.bytes });
    budget.bytes -= json.length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(
        413,
        'payload_too_large',
        `${path}: the batch's replay chunks exceed ${MAX_REPLAY_CHUNK_BYTES} bytes decoded`,
        { path },
      );
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
