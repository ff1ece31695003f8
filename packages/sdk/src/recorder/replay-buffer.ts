import type { ReplayChunk } from '../types.js';

/** A chunk's weight in memory: its base64 text, or its events' JSON when it could not be compressed. */
export function chunkBytes(chunk: ReplayChunk): number {
  return chunk.data?.length ?? JSON.stringify(chunk.events ?? []).length;
}

/**
 * The on-struggle ring buffer: finished (compressed, already masked) replay chunks held in memory
 * instead of sent. A segment starts at a chunk with a full snapshot (a checkpoint) and runs to the
 * next one. The oldest segment is dropped only once the next one alone covers `windowMs`, so the
 * buffer always starts with a full snapshot taken at least `windowMs` ago (or when recording began).
 * Past `maxBytes` the oldest segment goes even so, and `trimmed` says the pre-roll may be short; a
 * segment over `maxBytes` on its own goes too, and the buffer starts again at the next checkpoint
 * (never at once: a page whose snapshot alone is too big would be snapshotted without end).
 */
export class ReplayBuffer {
  private chunks: ReplayChunk[] = [];
  private sizes: number[] = [];
  /** Bytes held now, and the most ever held. */
  bytes = 0;
  peakBytes = 0;
  /** The memory cap shortened the window at least once. */
  trimmed = false;

  constructor(
    private readonly windowMs: number,
    private readonly maxBytes: number,
  ) {}

  add(chunk: ReplayChunk, now: number): void {
    // Incremental chunks with no snapshot before them cannot be played: dropped.
    if (this.chunks.length === 0 && !chunk.full_snapshot) return;
    const size = chunkBytes(chunk);
    this.chunks.push(chunk);
    this.sizes.push(size);
    this.bytes += size;
    this.peakBytes = Math.max(this.peakBytes, this.bytes);
    this.prune(now);
  }

  /** Drops what the window no longer needs, then what the memory cap does not allow. */
  prune(now: number): void {
    for (let next = this.nextSegment(); next > 0; next = this.nextSegment()) {
      const covered = (this.chunks[next] as ReplayChunk).t <= now - this.windowMs;
      if (!covered && this.bytes <= this.maxBytes) break;
      if (!covered) this.trimmed = true;
      this.dropFirst(next);
    }
    if (this.bytes <= this.maxBytes) return;
    // One segment alone is over the cap: nothing playable can be kept until the next checkpoint.
    this.trimmed = true;
    this.dropFirst(this.chunks.length);
  }

  /** Time of the kept window's first chunk (its full snapshot); undefined when empty. */
  get start(): number | undefined {
    return this.chunks[0]?.t;
  }

  /** The chunks held, oldest first. */
  peek(): readonly ReplayChunk[] {
    return this.chunks;
  }

  /** Hands over every chunk held and empties the buffer. */
  drain(): ReplayChunk[] {
    const chunks = this.chunks;
    this.dropFirst(chunks.length);
    return chunks;
  }

  private nextSegment(): number {
    for (let index = 1; index < this.chunks.length; index++) if (this.chunks[index]?.full_snapshot) return index;
    return -1;
  }

  private dropFirst(count: number): void {
    this.chunks = this.chunks.slice(count);
    for (const size of this.sizes.splice(0, count)) this.bytes -= size;
  }
}
