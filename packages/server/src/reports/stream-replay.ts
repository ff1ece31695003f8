import type { Response } from 'express';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { findReplayChunkData, findReplayChunkKeys, findSignalMarkers } from './find-replay.js';

/**
 * Streams `{ project, session, start, markers, events }`: the head (with the
 * signal markers and their offsets from the session start) goes out as soon as
 * the small index queries return; then each replay chunk is read and written in
 * turn (the next one is read while the current one is written), so neither the
 * first bytes nor memory depend on the size of the session.
 */
export async function streamReplay(store: Store, projectId: string, sessionId: string, res: Response): Promise<void> {
  const [keys, { start, markers }] = await Promise.all([
    findReplayChunkKeys(store, projectId, sessionId),
    findSignalMarkers(store, projectId, sessionId),
  ]);
  if (start === null && keys.length === 0) {
    throw new HttpError(404, 'session_not_found', `no session "${sessionId}" in project "${projectId}"`);
  }
  const origin = start ?? keys[0]?.t ?? 0;
  const head = {
    project: projectId,
    session: sessionId,
    start: new Date(origin).toISOString(),
    chunks: keys.length,
    markers: markers.map((marker) => ({
      id: marker.id,
      kind: marker.kind,
      t: Number(marker.t),
      offset_ms: Math.max(0, Number(marker.t) - origin),
      path: marker.path,
      element: marker.element || null,
    })),
  };
  res.status(200).type('application/json');
  res.write(`${JSON.stringify(head).slice(0, -1)},"events":[`);

  let aborted = false;
  res.once('close', () => {
    aborted = true;
  });
  let next = keys[0] ? findReplayChunkData(store, projectId, sessionId, keys[0]) : undefined;
  try {
    let first = true;
    for (let index = 0; next && !aborted; index++) {
      const data = await next;
      const following = keys[index + 1];
      next = following ? findReplayChunkData(store, projectId, sessionId, following) : undefined;
      const inner = data?.trim().slice(1, -1).trim();
      if (!inner) continue;
      const flowing = res.write(first ? inner : `,${inner}`);
      first = false;
      if (!flowing) await drainOrClose(res);
    }
    res.end(']}');
  } catch (error) {
    // The status line is gone: the only honest signal left is a cut connection.
    console.error('replay stream failed', error);
    res.destroy(error as Error);
  } finally {
    await next?.catch(() => undefined);
  }
}

function drainOrClose(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
