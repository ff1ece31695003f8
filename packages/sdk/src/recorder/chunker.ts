import { REPLAY_CHUNK_MAX_BYTES } from '../constants.js';
import type { ReplayChunk } from '../types.js';
import { reportInternal } from '../util/guard.js';
import { FULL_SNAPSHOT, META } from './event-types.js';
import { gzipPiecesToBase64 } from './gzip-pieces.js';
import { jsonPieces } from './json-pieces.js';

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
  /** Closed chunks still being compressed, oldest first. */
  private compressing = new Set<RecordedEvent[]>();

  constructor(private readonly onChunk: (chunk: ReplayChunk) => void) {}

  add(event: RecordedEvent): void {
    if (event.type === META && this.events.length > 0) this.close();
    this.events.push(event);
    // A full snapshot closes its chunk at once: measuring it would serialise a large DOM twice.
    if (event.type === FULL_SNAPSHOT) {
      this.close();
      return;
    }
    this.bytes += JSON.stringify(event).length;
    if (this.bytes >= REPLAY_CHUNK_MAX_BYTES) this.close();
  }

  /**
   * Closes the current chunk. Its JSON is written in slices and compressed off the main thread,
   * so even a large page's full snapshot never holds the page up for long.
   */
  close(): Promise<void> {
    const events = this.events;
    if (events.length === 0) return this.delivered;
    this.events = [];
    this.bytes = 0;
    const first = events[0] as RecordedEvent;
    const meta = {
      t: Math.round(first.timestamp),
      full_snapshot: events.some((e) => e.type === FULL_SNAPSHOT),
    };
    const compressed = gzipPiecesToBase64(jsonPieces(events)).catch(() => undefined);
    this.compressing.add(events);
    // Chunks are handed on in the order they were closed, however long each one's compression takes.
    this.delivered = this.delivered
      .then(async () => {
        const data = await compressed;
        this.compressing.delete(events);
        this.onChunk(data ? { ...meta, encoding: 'gzip-base64', data } : { ...meta, encoding: 'json', events });
      })
      .catch(reportInternal);
    return this.delivered;
  }

  /** The events not handed on yet (chunks being compressed, then the open one), in order: for a page that is going away. */
  unsent(): RecordedEvent[][] {
    return [...this.compressing, this.events].filter((events) => events.length > 0);
  }
}
