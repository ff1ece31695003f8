import { EventType } from '@rrweb/types';
import { REPLAY_CHUNK_MAX_BYTES } from '../constants.js';
import { gzip, toBase64 } from '../transport/gzip.js';
import type { ReplayChunk } from '../types.js';
import { reportInternal } from '../util/guard.js';

type RecordedEvent = { type: number; timestamp: number; [key: string]: unknown };

/**
 * Groups rrweb events into chunks: a new chunk starts at every full snapshot
 * (Meta comes first) so playback can start from any chunk that has one, and a
 * chunk is closed on a timer or when it grows past the byte cap.
 */
export class Chunker {
  private events: RecordedEvent[] = [];
  private bytes = 0;
  private delivered: Promise<void> = Promise.resolve();

  constructor(private readonly onChunk: (chunk: ReplayChunk) => void) {}

  add(event: RecordedEvent): void {
    if (event.type === EventType.Meta && this.events.length > 0) this.close();
    this.events.push(event);
    // A full snapshot closes its chunk at once: measuring it would serialise a large DOM twice.
    if (event.type === EventType.FullSnapshot) {
      this.close();
      return;
    }
    this.bytes += JSON.stringify(event).length;
    if (this.bytes >= REPLAY_CHUNK_MAX_BYTES) this.close();
  }

  /** Closes the current chunk; compression runs asynchronously, off the main thread. */
  close(): Promise<void> {
    const events = this.events;
    if (events.length === 0) return this.delivered;
    this.events = [];
    this.bytes = 0;
    const first = events[0] as RecordedEvent;
    const meta = {
      t: Math.round(first.timestamp),
      full_snapshot: events.some((e) => e.type === EventType.FullSnapshot),
    };
    const compressed = gzip(JSON.stringify(events)).catch(() => undefined);
    // Chunks are handed on in the order they were closed, however long each one's compression takes.
    this.delivered = this.delivered
      .then(async () => {
        const bytes = await compressed;
        this.onChunk(
          bytes ? { ...meta, encoding: 'gzip-base64', data: toBase64(bytes) } : { ...meta, encoding: 'json', events },
        );
      })
      .catch(reportInternal);
    return this.delivered;
  }
}
