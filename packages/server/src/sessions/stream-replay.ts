import type { ReplayDocument, ReplayMarker } from '@snag/protocol';
import type { Response } from 'express';
import { replayAssetRewriter } from '../assets/replay-asset-rewriter.js';
import { HttpError } from '../http/errors.js';
import type { Store } from '../store/client.js';
import { findReplayChunkData, findReplayChunkKeys, findSignalMarkers, type SignalMarker } from './find-replay.js';

/** The replay document is written in three parts: these fields, the `events`, then the tail. */
type ReplayHead = Pick<ReplayDocument, 'project' | 'session' | 'chunks'>;
type ReplayTail = Pick<ReplayDocument, 'start' | 'markers'>;

/**
 * Streams `{ project, session, chunks, events, start, markers }`. The opening
 * bytes go out as soon as the chunk index (a primary-key lookup) returns; each
 * replay chunk is then read and written in turn (the next one is read while the
 * current one is written), and the signal markers, read last, close the document. Neither the first bytes nor memory depend on the size of the session.
 * Each chunk's asset URLs point at Snag's kept copies, never at the recorded site.
 */
export async function streamReplay(store: Store, projectId: string, sessionId: string, res: Response): Promise<void> {
  const keys = await findReplayChunkKeys(store, projectId, sessionId);
  // Without a recording, the markers decide whether the session exists at all.
  const early = keys.length === 0 ? await findSignalMarkers(store, projectId, sessionId) : undefined;
  if (early?.start === null) {
    throw new HttpError(404, 'session_not_found', `no session "${sessionId}" in project "${projectId}"`);
  }
  // Every stylesheet, font and image is served from the kept copies; anything else loads nothing.
  const rewriter = await replayAssetRewriter(store, projectId, sessionId);
  res.status(200).type('application/json');
  res.write(
    `${JSON.stringify({ project: projectId, session: sessionId, chunks: keys.length } satisfies ReplayHead).slice(0, -1)},"events":[`,
  );

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
      const inner = data === undefined ? undefined : rewriter.rewrite(data).trim().slice(1, -1).trim();
      if (!inner) continue;
      const flowing = res.write(first ? inner : `,${inner}`);
      first = false;
      if (!flowing) await drainOrClose(res);
    }
    // The embedded engine runs one query at a time: the markers come after the chunks, not before the first byte.
    const { start, markers } = early ?? (await findSignalMarkers(store, projectId, sessionId));
    const origin = start ?? keys[0]?.t ?? 0;
    const tail: ReplayTail = {
      start: new Date(origin).toISOString(),
      markers: markers.map((marker) => toMarker(marker, origin)),
    };
    res.end(`],${JSON.stringify(tail).slice(1)}`);
  } catch (error) {
    // The status line is gone: the only honest signal left is a cut connection.
    console.error('replay stream failed', error);
    res.destroy(error as Error);
  } finally {
    await next?.catch(() => undefined);
  }
}

function toMarker(marker: SignalMarker, origin: number): ReplayMarker {
  return {
    id: marker.id,
    kind: marker.kind,
    t: Number(marker.t),
    offset_ms: Math.max(0, Number(marker.t) - origin),
    path: marker.path,
    element: marker.element || null,
  };
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
