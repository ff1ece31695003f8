import { gunzipSync } from 'node:zlib';
import { type Batch, batchSchema, type SnagEvent } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../src/transport/outbox.js';
import { createTransport } from '../src/transport/transport.js';
import { memoryStore } from '../src/util/storage.js';

const session = { id: 'session-1', anonymous_id: 'anon-1' };

function event(id: string): SnagEvent {
  return { type: 'custom', name: 'test', id, t: Date.now(), page_id: 'page-1', url: 'https://shop.test/' };
}

function replayEvent(id: string): SnagEvent {
  const t = Date.now();
  return {
    type: 'replay',
    id,
    t,
    page_id: 'page-1',
    url: 'https://shop.test/',
    seq: 0,
    full_snapshot: true,
    encoding: 'json',
    events: [{ type: 4, timestamp: t, data: {} }],
  };
}

/** A fake ingest endpoint that answers from a script and decodes what it receives. */
function endpoint(answers: Array<() => Response>) {
  const received: Batch[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const raw = Buffer.from(init.body as Uint8Array);
    const text = headers['Content-Encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
    received.push(batchSchema.parse(JSON.parse(text)) as Batch);
    const answer = answers.shift() ?? (() => new Response(null, { status: 202 }));
    return answer();
  }) as unknown as typeof fetch;
  return { fetchFn, received };
}

function transportWith(fetchFn: typeof fetch, dropped: Array<[number, number]> = []) {
  const outbox = createOutbox(memoryStore(), 'tab', 1_000_000);
  const transport = createTransport({
    ingestUrl: 'https://snag.test/v1/ingest?key=pk',
    fetchFn,
    outbox,
    release: '1.0.0',
    onDropped: (batches, events) => dropped.push([batches, events]),
  });
  return { transport, outbox };
}

describe('transport', () => {
  it('sends valid, gzip-compressed batches and resolves flush once acknowledged', async () => {
    const { fetchFn, received } = endpoint([]);
    const { transport, outbox } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    transport.add(event('e2'), session);
    await transport.flush();
    expect(received).toHaveLength(1);
    expect(received[0]?.events.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(received[0]).toMatchObject({ v: 1, session, release: '1.0.0' });
    expect(outbox.items).toEqual([]);
  });

  it('retries after 503 honouring Retry-After, then delivers', async () => {
    const { fetchFn, received } = endpoint([
      () => new Response('{}', { status: 503, headers: { 'Retry-After': '0' } }),
      () => {
        throw new TypeError('network down');
      },
    ]);
    const { transport } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    const started = Date.now();
    await transport.flush();
    expect(received).toHaveLength(3);
    expect(received.every((batch) => batch.events[0]?.id === 'e1')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('when the server defers recordings (low disk), keeps only the recording and lets batches with events go first', async () => {
    const deferred = () =>
      new Response(JSON.stringify({ error: 'replay_deferred' }), { status: 503, headers: { 'Retry-After': '0' } });
    const { fetchFn, received } = endpoint([deferred]);
    const { transport, outbox } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    transport.add(replayEvent('r1'), session);
    transport.sendNow();
    transport.add(event('e2'), session);
    await transport.flush();
    expect(received.map((batch) => batch.events.map((e) => e.id))).toEqual([['e1', 'r1'], ['e2'], ['r1']]);
    expect(outbox.items).toEqual([]);
  });

  it('retries a recording the server keeps deferring after Retry-After, when nothing else waits', async () => {
    const deferred = () =>
      new Response(JSON.stringify({ error: 'replay_deferred' }), { status: 503, headers: { 'Retry-After': '0' } });
    const { fetchFn, received } = endpoint([deferred, deferred]);
    const { transport } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    transport.add(replayEvent('r1'), session);
    const started = Date.now();
    await transport.flush();
    expect(received.map((batch) => batch.events.map((e) => e.id))).toEqual([['e1', 'r1'], ['r1'], ['r1']]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('drops a batch the server refuses (4xx) instead of retrying it forever', async () => {
    const { fetchFn, received } = endpoint([() => new Response('{}', { status: 400 })]);
    const { transport, outbox } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    await transport.flush();
    expect(received).toHaveLength(1);
    expect(outbox.items).toEqual([]);
  });

  it('drops only the event a 400 names, and sends the rest of its batch', async () => {
    const invalid = () =>
      new Response(JSON.stringify({ error: 'invalid_batch', path: 'events.1.name' }), { status: 400 });
    const { fetchFn, received } = endpoint([invalid]);
    const { transport, outbox } = transportWith(fetchFn);
    for (const id of ['e1', 'e2', 'e3']) transport.add(event(id), session);
    await transport.flush();
    expect(received.map((batch) => batch.events.map((e) => e.id))).toEqual([
      ['e1', 'e2', 'e3'],
      ['e1', 'e3'],
    ]);
    expect(outbox.items).toEqual([]);
  });

  it('splits batches by session', async () => {
    const { fetchFn, received } = endpoint([]);
    const { transport } = transportWith(fetchFn);
    transport.add(event('e1'), session);
    transport.add(event('e2'), { ...session, id: 'session-2' });
    await transport.flush();
    expect(received.map((batch) => batch.session.id)).toEqual(['session-1', 'session-2']);
  });

  it('reports batches dropped by the byte cap', async () => {
    const { fetchFn } = endpoint([]);
    const dropped: Array<[number, number]> = [];
    const outbox = createOutbox(memoryStore(), 'tab', 1);
    const transport = createTransport({
      ingestUrl: 'https://snag.test/v1/ingest',
      fetchFn,
      outbox,
      onDropped: (b, e) => dropped.push([b, e]),
    });
    transport.add(event('e1'), session);
    transport.add(event('e2'), { ...session, id: 'session-2' });
    await transport.flush();
    expect(dropped).toEqual([[1, 1]]);
  });
});
