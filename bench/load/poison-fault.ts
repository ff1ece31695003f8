import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore, type Store } from '@snag/server';
import { makeEncodedBatches } from '../ingest/batches.js';
import { loopbackIngestUrl } from '../ingest/post-batch.js';
import { startBenchServer } from '../ingest/server-process.js';
import { runStep, type StepResult } from './open-loop.js';
import { makePoisonBatch, type PoisonBatch, REPAIRED_SHAPE, REPAIRED_SHAPE_EVENTS } from './poison-batches.js';

/**
 * Poison batches among ordinary traffic, on the embedded store: one poison batch a
 * second (the shapes of poison-batches.ts in turn, to the first project) while ordinary
 * batches go to two projects. Every acknowledged ordinary batch must be readable, soon
 * after its 202; what the store refuses must end up as a dead letter; the shape the server
 * repairs must be stored whole; /readyz stays 200.
 */

export interface PoisonOptions {
  env: Record<string, string>;
  key: string;
  adminToken: string;
  batchesPerSecond: number;
  eventsPerBatch: number;
  seconds: number;
}

export interface PoisonFigures {
  ordinary: StepResult[];
  /** Acknowledged ordinary batches read back whole from the store after the run. */
  storedWhole: number;
  lostEvents: number;
  readable: ReadableSample[];
  notReadable: number;
  poison: Array<PoisonBatch & { answer: string }>;
  /** Events stored of the poison batches that must be refused or set apart: goal 0. */
  poisonEventsStored: number;
  /** Acknowledged batches of the repaired shape stored whole. */
  repairedStoredWhole: number;
  deadLetters: { ingest: number; spool: number; rows: number };
  readiness: Map<string, number>;
  logFile: string;
}

/** A sampled batch: from its 202 to the session API's answer showing all its events, and how long that read took. */
export interface ReadableSample {
  ms: number;
  readMs: number;
}

const POISON_PER_S = 1;
/** Ordinary batches between samples, at least: the next 202 after the previous sample is readable. */
const SAMPLE_EVERY_BATCHES = 20;
const POLL_INTERVAL_MS = 100;
const READABLE_TIMEOUT_MS = 30_000;
const READYZ_INTERVAL_MS = 1_000;
const REQUEST_TIMEOUT_MS = 10_000;
const SECOND_PROJECT = 'Poison bench, second shop';
const RETENTION_DAYS = 90;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPoisonFault(options: PoisonOptions): Promise<PoisonFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'snag-bench-poison-'));
  const logFile = path.join(tmpdir(), `snag-bench-poison-${Date.now()}.log`);
  const server = await startBenchServer({ ...options.env, SNAG_DATA_DIR: dir });
  server.child.stdout?.pipe(createWriteStream(logFile));
  const url = loopbackIngestUrl(server.url).origin;
  const auth = { Authorization: `Bearer ${options.adminToken}` };
  try {
    const created = await fetch(`${url}/api/v1/projects`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: SECOND_PROJECT }),
    });
    if (created.status !== 201) throw new Error(`creating the second project: ${created.status}`);
    const other = (await created.json()) as { id: string; public_key: string };
    const projects = [
      { id: 'default', key: options.key },
      { id: other.id, key: other.public_key },
    ];
    const perProject = options.batchesPerSecond / projects.length;
    const readable: Array<Promise<ReadableSample | undefined>> = [];
    // One sampled batch polled at a time, so the polling never queues reads behind each other.
    let sampling = false;
    let acks = 0;
    const readiness = new Map<string, number>();
    let loadDone = false;
    const readinessSampler = (async () => {
      while (!loadDone) {
        const answer = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
          .then(async (res) => `${res.status} ${((await res.json()) as { reasons: string[] }).reasons.join(', ')}`)
          .catch(() => 'no answer');
        readiness.set(answer.trim(), (readiness.get(answer.trim()) ?? 0) + 1);
        await sleep(READYZ_INTERVAL_MS);
      }
    })();
    const poisonSent = sendPoison(url, options.key, options.seconds);
    const ordinary = await Promise.all(
      projects.map((project) =>
        runStep({
          url,
          key: project.key,
          batches: makeEncodedBatches(perProject * options.seconds),
          offset: 0,
          batchesPerSecond: perProject,
          seconds: options.seconds,
          onAcknowledged: (item) => {
            if (++acks % SAMPLE_EVERY_BATCHES !== 0 || sampling) return;
            sampling = true;
            const session = `${url}/api/v1/projects/${project.id}/sessions/${item.batch.session.id}`;
            readable.push(
              timeToReadable(session, auth, item.batch.events.length).finally(() => {
                sampling = false;
              }),
            );
          },
        }),
      ),
    );
    const poison = await poisonSent;
    loadDone = true;
    await readinessSampler;
    const samples = await Promise.all(readable);
    const deadLetters = await readDeadLetters(url, auth);
    await server.stop();

    const store = openStore({
      kind: 'embedded',
      dataDir: path.join(dir, 'clickhouse'),
      database: 'snag',
      retentionDays: RETENTION_DAYS,
    });
    try {
      let storedWhole = 0;
      for (const [index, project] of projects.entries()) {
        const ids = ordinary[index]?.acknowledgedIds ?? [];
        storedWhole += await countWhole(store, project.id, ids, options.eventsPerBatch);
      }
      const acknowledged = ordinary.reduce((sum, step) => sum + step.acknowledged, 0);
      const [row] = await store.query<{ n: string }>(
        'SELECT count() AS n FROM {db:Identifier}.events FINAL WHERE session_id IN {ids:Array(String)}',
        { ids: poison.filter((batch) => batch.shape !== REPAIRED_SHAPE).map((batch) => batch.sessionId) },
      );
      const repaired = poison.filter((batch) => batch.shape === REPAIRED_SHAPE && batch.answer === '202');
      const repairedStoredWhole = await countWhole(
        store,
        'default',
        repaired.map((batch) => batch.sessionId),
        REPAIRED_SHAPE_EVENTS,
      );
      return {
        ordinary,
        storedWhole,
        lostEvents: (acknowledged - storedWhole) * options.eventsPerBatch,
        readable: samples.filter((sample) => sample !== undefined),
        notReadable: samples.filter((sample) => sample === undefined).length,
        poison,
        poisonEventsStored: Number(row?.n ?? 0),
        repairedStoredWhole,
        deadLetters,
        readiness,
        logFile,
      };
    } finally {
      await store.close();
    }
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** POSTs POISON_PER_S poison batches a second for `seconds`, gzip as the SDK sends; resolves with each answer. */
async function sendPoison(url: string, key: string, seconds: number): Promise<Array<PoisonBatch & { answer: string }>> {
  const started = performance.now();
  const answers: Array<Promise<PoisonBatch & { answer: string }>> = [];
  for (let n = 0; n < seconds * POISON_PER_S; n++) {
    const wait = started + (n * 1000) / POISON_PER_S - performance.now();
    if (wait > 1) await sleep(wait);
    const poison = makePoisonBatch(n);
    const answer = fetch(`${url}/v1/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Snag-Key': key },
      body: gzipSync(poison.json),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        return res.status === 202 ? '202' : `${res.status} ${body.error ?? ''}`.trim();
      })
      .catch(() => 'no answer');
    answers.push(answer.then((text) => ({ ...poison, answer: text })));
  }
  return Promise.all(answers);
}

/** Polls the session API from a batch's 202 until it shows all `events`; undefined past READABLE_TIMEOUT_MS. */
async function timeToReadable(
  session: string,
  headers: Record<string, string>,
  events: number,
): Promise<ReadableSample | undefined> {
  const acknowledgedAt = performance.now();
  while (performance.now() - acknowledgedAt < READABLE_TIMEOUT_MS) {
    const readAt = performance.now();
    const res = await fetch(session, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => null);
    if (res?.ok) {
      const body = (await res.json()) as { session: { events: number } };
      const now = performance.now();
      if (body.session.events === events) return { ms: now - acknowledgedAt, readMs: now - readAt };
    } else await res?.body?.cancel();
    await sleep(POLL_INTERVAL_MS);
  }
  return undefined;
}

async function readDeadLetters(url: string, headers: Record<string, string>): Promise<PoisonFigures['deadLetters']> {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    ingest: value(/^snag_dead_letters_total\{source="ingest"\} (\d+)/m),
    spool: value(/^snag_dead_letters_total\{source="spool"\} (\d+)/m),
    rows: value(/^snag_dead_letter_rows (\d+)/m),
  };
}

/** Sessions among `ids` of `project` stored whole (every event once). */
async function countWhole(store: Store, project: string, ids: string[], events: number): Promise<number> {
  const [row] = await store.query<{ complete: string }>(
    `SELECT count() AS complete FROM (
       SELECT session_id FROM {db:Identifier}.events FINAL
       WHERE project_id = {project:String} AND session_id IN {ids:Array(String)}
       GROUP BY session_id HAVING count() = {events:UInt32})`,
    { project, ids, events },
  );
  return Number(row?.complete ?? 0);
}
