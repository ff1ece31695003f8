import type { OutboundAllowList } from '../net/allow-list.js';
import type { Resolver } from '../net/resolve-destination.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { Store } from '../store/client.js';
import { insertReplayAssets } from './asset-store.js';
import {
  ASSET_FETCH_CONCURRENCY,
  ASSET_QUEUE_MAX_SESSIONS,
  ASSET_REFETCH_AFTER_MS,
  ASSET_RETRY_FAILED_AFTER_MS,
  ASSET_URL_CACHE_SIZE,
  ASSETS_PER_SESSION_MAX,
} from './constants.js';
import { type AssetOutcome, type KeepContext, type KeptKind, keepAsset } from './keep-asset.js';
import { Limiter } from './limiter.js';
import { ProjectUsage } from './project-usage.js';
import { mapReplayAssets } from './replay-asset-walker.js';

export interface AssetKeeperOptions {
  store: Store;
  allow: OutboundAllowList;
  resolve?: Resolver;
  /** Cap of a project's kept assets, in bytes. */
  maxProjectBytes: number;
  /** How a URL found in a recording is stored and shown (the ingest's scrubbing), identity by default. */
  keyOf?: (url: string) => string;
  logger?: Logger;
}

interface Job {
  projectId: string;
  sessionId: string;
  time: number;
  urls: Map<string, KeptKind>;
}

/**
 * Keeps the stylesheets, fonts and images that recordings use, off the ingest path: ingest
 * hands over a stored batch's rrweb events and returns; the URLs are found and fetched later,
 * a bounded number at a time, each URL once per ASSET_REFETCH_AFTER_MS per project (a new
 * release's changed files are fetched again for later sessions; earlier sessions keep theirs),
 * or after ASSET_RETRY_FAILED_AFTER_MS when it could not be kept.
 * What each session used — kept or why not — is recorded for its replay.
 */
export class AssetKeeper {
  private readonly queue: Job[] = [];
  private readonly known = new Map<string, { at: number; freshMs: number; outcomes: Promise<AssetOutcome[]> }>();
  private readonly sessionUrls = new Map<string, Set<string>>();
  private readonly context: KeepContext;
  /** The job being kept now, so a session's wanted list can wait for it. */
  private current: Job | undefined;
  private readonly logger: Logger;
  private readonly keyOf: (url: string) => string;
  private working: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: AssetKeeperOptions) {
    const usage = new ProjectUsage(options.store, options.maxProjectBytes);
    this.context = {
      store: options.store,
      allow: options.allow,
      resolve: options.resolve,
      fetchSlots: new Limiter(ASSET_FETCH_CONCURRENCY),
      reserve: (projectId, bytes) => usage.reserve(projectId, bytes),
      touched: new Map(),
    };
    this.logger = options.logger ?? silentLogger;
    this.keyOf = options.keyOf ?? ((url) => url);
  }

  /** Takes a stored batch's recording; returns at once (the URLs are found on a later turn). */
  discover(projectId: string, sessionId: string, time: number, recordings: readonly { type: number }[][]): void {
    if (this.closed || recordings.length === 0) return;
    setImmediate(() => {
      try {
        this.enqueue(projectId, sessionId, time, recordings);
      } catch (error) {
        this.logger.warn({ err: error }, 'finding replay assets failed');
      }
    });
  }

  /** Resolves once every session handed over so far has its assets kept (tests, shutdown). */
  async idle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.working) await this.working;
  }

  /**
   * Resolves once the session's assets handed over so far are kept (or after `timeoutMs`):
   * what the SDK is told to send is read after the server has tried.
   */
  async settled(projectId: string, sessionId: string, timeoutMs: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const ofSession = (job: Job | undefined) => job?.projectId === projectId && job.sessionId === sessionId;
    const deadline = Date.now() + timeoutMs;
    while (this.working && (ofSession(this.current) || this.queue.some(ofSession)) && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.working,
        new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now()))),
      ]);
      clearTimeout(timer);
    }
  }

  /** Room in the project's cap for a body from elsewhere (the SDK); false when it is full. */
  reserve(projectId: string, bytes: number): Promise<boolean> {
    return this.context.reserve(projectId, bytes);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.working;
  }

  private enqueue(projectId: string, sessionId: string, time: number, recordings: readonly { type: number }[][]) {
    const sessionKey = `${projectId}\n${sessionId}`;
    const seen = this.sessionUrls.get(sessionKey) ?? new Set<string>();
    const urls = new Map<string, KeptKind>();
    for (const events of recordings) {
      mapReplayAssets(events, (url, kind) => {
        if (kind !== 'other' && !seen.has(url) && seen.size < ASSETS_PER_SESSION_MAX) {
          seen.add(url);
          urls.set(url, kind);
        }
        return undefined;
      });
    }
    this.sessionUrls.delete(sessionKey);
    this.sessionUrls.set(sessionKey, seen);
    trim(this.sessionUrls, ASSET_QUEUE_MAX_SESSIONS * 2);
    if (urls.size === 0) return;
    if (this.queue.length >= ASSET_QUEUE_MAX_SESSIONS) {
      this.logger.warn({ project: projectId }, 'replay asset queue full: assets of this batch are not kept');
      return;
    }
    this.queue.push({ projectId, sessionId, time, urls });
    this.working ??= this.work().finally(() => {
      this.working = undefined;
    });
  }

  private async work(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      this.current = job;
      try {
        await this.keepJob(job);
      } catch (error) {
        this.logger.warn({ err: error, project: job.projectId }, 'keeping replay assets failed');
      }
    }
    this.current = undefined;
  }

  private async keepJob(job: Job): Promise<void> {
    const outcomes = (
      await Promise.all([...job.urls].map(([url, kind]) => this.outcomesFor(job.projectId, url, kind)))
    ).flat();
    const fetchedAt = Date.now();
    const unique = new Map(outcomes.map((outcome) => [outcome.url, outcome]));
    await insertReplayAssets(
      this.options.store,
      [...unique.values()].map((outcome) => ({
        ...outcome,
        url: this.keyOf(outcome.url),
        project_id: job.projectId,
        session_id: job.sessionId,
        time: job.time,
        fetched_at: fetchedAt,
      })),
    );
  }

  /** A URL's outcome, fetched once and shared while fresh (also by sessions fetching it at the same time). */
  private outcomesFor(projectId: string, url: string, kind: KeptKind): Promise<AssetOutcome[]> {
    const key = `${projectId}\n${kind}\n${url}`;
    const cached = this.known.get(key);
    if (cached && Date.now() - cached.at < cached.freshMs) return cached.outcomes;
    const outcomes = keepAsset(this.context, projectId, url, kind);
    const entry = { at: Date.now(), freshMs: ASSET_REFETCH_AFTER_MS, outcomes };
    this.known.delete(key);
    this.known.set(key, entry);
    // What could not be kept is tried again sooner: a timeout or a 503 is often passing.
    outcomes.then(
      ([own]) => {
        if (own?.status !== 'stored') entry.freshMs = ASSET_RETRY_FAILED_AFTER_MS;
      },
      () => this.known.delete(key),
    );
    trim(this.known, ASSET_URL_CACHE_SIZE);
    return outcomes;
  }
}

/** Drops the oldest entries of an insertion-ordered map beyond `size`. */
function trim<K, V>(map: Map<K, V>, size: number): void {
  for (const key of map.keys()) {
    if (map.size <= size) return;
    map.delete(key);
  }
}
