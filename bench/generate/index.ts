import { generateSession } from './generate-session.js';
import { Random } from './random.js';
import type { EventRow, ReplayRow, SessionContext } from './rows.js';
import { DEVICES, RELEASES } from './scenario.js';

export { PLANTED_HOTSPOTS, PLANTED_REGRESSION, RATES, RELEASES } from './scenario.js';

/** Anything that can insert rows into a table: the server's `Store` fits. */
export interface RowSink {
  insert(table: string, rows: readonly object[]): Promise<void>;
}

export interface GenerateOptions {
  project: string;
  sessions: number;
  /** Sessions start uniformly over the `days` before `end`. */
  days: number;
  end: number;
  seed?: number;
  /** The second release ships at this share of the period (default: half-way). */
  releaseAt?: number;
  /** Write rrweb replay chunks (one small chunk per page view). */
  replay?: boolean;
  /** Extra network events per page view, to reach benchmark volumes. */
  paddingPerPage?: number;
  /** Rows per insert. */
  batchRows?: number;
}

export interface GeneratedTruth {
  sessions: number;
  events: number;
  replayChunks: number;
  /** Sessions given each planted hotspot (`path|element|kind`), by release. */
  planted: Record<string, Record<string, number>>;
  /** Session ids given each planted hotspot. */
  plantedSessions: Record<string, string[]>;
}

/**
 * Writes generated traffic for one project straight into the store and returns
 * what was planted, so tests and demos know the right answers.
 */
export async function generateTraffic(sink: RowSink, options: GenerateOptions): Promise<GeneratedTruth> {
  const random = new Random(options.seed ?? 1);
  const span = options.days * 86_400_000;
  const begin = options.end - span;
  const releaseAt = begin + span * (options.releaseAt ?? 0.5);
  const batchRows = options.batchRows ?? 50_000;
  const users = Math.max(1, Math.floor(options.sessions / 4));
  const truth: GeneratedTruth = { sessions: 0, events: 0, replayChunks: 0, planted: {}, plantedSessions: {} };
  let events: EventRow[] = [];
  let replays: ReplayRow[] = [];

  const flush = async () => {
    await sink.insert('events', events);
    await sink.insert('replay_chunks', replays);
    events = [];
    replays = [];
  };

  for (let index = 0; index < options.sessions; index++) {
    // Leave the last 15 minutes empty so no session runs past `end`.
    const start = begin + Math.floor(random.next() * (span - 900_000));
    const screen = pickDevice(random);
    const identified = random.chance(0.4);
    const session: SessionContext = {
      project_id: options.project,
      session_id: `${options.project}-${random.hex(16)}`,
      anonymous_id: `anon-${random.hex(12)}`,
      user_id: identified ? `user-${random.int(1, users)}` : '',
      release: start < releaseAt ? RELEASES[0] : RELEASES[1],
      browser: screen.browser,
      os: screen.os,
      device: screen.device,
    };
    const generated = generateSession(random, session, start, {
      replay: options.replay ?? true,
      paddingPerPage: options.paddingPerPage ?? 0,
    });
    for (const key of generated.planted) {
      const byRelease = truth.planted[key] ?? {};
      byRelease[session.release] = (byRelease[session.release] ?? 0) + 1;
      truth.planted[key] = byRelease;
      truth.plantedSessions[key] = [...(truth.plantedSessions[key] ?? []), session.session_id];
    }
    truth.sessions += 1;
    truth.events += generated.events.length;
    truth.replayChunks += generated.replays.length;
    for (const row of generated.events) events.push(row);
    for (const row of generated.replays) replays.push(row);
    if (events.length >= batchRows) await flush();
  }
  await flush();
  return truth;
}

function pickDevice(random: Random) {
  let roll = random.next();
  for (const device of DEVICES) {
    roll -= device.share;
    if (roll < 0) return device;
  }
  return DEVICES[0];
}
