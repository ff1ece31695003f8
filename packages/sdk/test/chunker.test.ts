import { gunzipSync } from 'node:zlib';
import { EventType, IncrementalSource } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { REPLAY_CHUNK_MAX_BYTES } from '../src/constants.js';
import { Chunker } from '../src/recorder/chunker.js';
import type { ReplayChunk } from '../src/types.js';

// Node has Blob and CompressionStream but no FileReader, which the chunker encodes base64 with in
// the browser: the same data-URL reading, done with Node's own Buffer.
if (typeof globalThis.FileReader === 'undefined') {
  globalThis.FileReader = class {
    result: string | null = null;
    error = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    readAsDataURL(blob: Blob) {
      blob.arrayBuffer().then((buffer) => {
        this.result = `data:${blob.type};base64,${Buffer.from(buffer).toString('base64')}`;
        this.onload?.();
      });
    }
  } as unknown as typeof FileReader;
}

const decode = (chunk: ReplayChunk) => JSON.parse(gunzipSync(Buffer.from(chunk.data ?? '', 'base64')).toString());
const meta = (timestamp: number) => ({ type: EventType.Meta, timestamp, data: { href: 'https://shop.test/' } });
const snapshot = (timestamp: number) => ({ type: EventType.FullSnapshot, timestamp, data: { node: {} } });
const move = (timestamp: number, padding = '') => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.MouseMove, positions: [], padding },
});

describe('replay chunker', () => {
  it('starts every full snapshot in a chunk of its own, gzip + base64 encoded', async () => {
    const chunks: ReplayChunk[] = [];
    const chunker = new Chunker((chunk) => chunks.push(chunk));
    chunker.add(meta(1_000));
    chunker.add(snapshot(1_001));
    chunker.add(move(1_002));
    await chunker.close();
    expect(chunks.map(({ t, full_snapshot, encoding }) => ({ t, full_snapshot, encoding }))).toEqual([
      { t: 1_000, full_snapshot: true, encoding: 'gzip-base64' },
      { t: 1_002, full_snapshot: false, encoding: 'gzip-base64' },
    ]);
    expect(decode(chunks[0] as ReplayChunk).map((event: { type: number }) => event.type)).toEqual([
      EventType.Meta,
      EventType.FullSnapshot,
    ]);
  });

  it('closes a chunk when it grows past the byte cap', async () => {
    const chunks: ReplayChunk[] = [];
    const chunker = new Chunker((chunk) => chunks.push(chunk));
    const padding = 'x'.repeat(REPLAY_CHUNK_MAX_BYTES / 4);
    for (let i = 0; i < 5; i++) chunker.add(move(2_000 + i, padding));
    await chunker.close();
    expect(chunks.map((chunk) => decode(chunk).length)).toEqual([4, 1]);
  });

  it('emits nothing when there is nothing recorded', async () => {
    const chunks: ReplayChunk[] = [];
    await new Chunker((chunk) => chunks.push(chunk)).close();
    expect(chunks).toEqual([]);
  });
});
