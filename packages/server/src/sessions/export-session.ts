import type { Response } from 'express';
import type { Store } from '../store/client.js';
import { findReplayChunkData, findReplayChunkKeys } from './find-replay.js';
import { loadSessionDocument } from './session-document.js';

/**
 * Writes everything stored about one session as a JSON download: the session,
 * its events, and its recording (every rrweb event, in order). The recording is
 * written chunk by chunk, so a long session never sits in memory whole.
 */
export async function exportSession(store: Store, project: string, session: string, res: Response): Promise<void> {
  const document = await loadSessionDocument(store, project, session);
  const chunks = await findReplayChunkKeys(store, project, session);
  res.status(200);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="snag-session-${session}.json"`);
  const head = JSON.stringify({ exported_at: new Date().toISOString(), project, ...document });
  res.write(`${head.slice(0, -1)},"recording":[`);
  let first = true;
  for (const key of chunks) {
    const data = await findReplayChunkData(store, project, session, key);
    const inner = data?.trim().slice(1, -1).trim();
    if (!inner) continue;
    res.write(first ? inner : `,${inner}`);
    first = false;
  }
  res.end(']}');
}
