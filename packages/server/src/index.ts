import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWith } from './alerts/alerts-router.js';
import { AlertDelivery } from './alerts/delivery/alert-delivery.js';
import { AlertsRunner } from './alerts/evaluate/alerts-runner.js';
import { createApp } from './app.js';
import { AssetKeeper } from './assets/asset-keeper.js';
import { type Credentials, ensureCredentials } from './auth/bootstrap.js';
import type { Config } from './config.js';
import { SHUTDOWN_TIMEOUT_MS } from './constants.js';
import { describeBoundAddress } from './http/bound-address.js';
import { scrubRecordingJson } from './ingest/scrub.js';
import { guardedFetch } from './net/guarded-fetch.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { ErasedSessions } from './privacy/erased-sessions.js';
import { KeyResolver } from './projects/key-resolver.js';
import { openStore, type Store } from './store/client.js';
import { DeadLetters } from './store/dead-letters.js';
import { DiskGuard, freeBytesOf } from './store/disk-guard.js';
import { migrate } from './store/migrate.js';
import { applyRetention } from './store/retention.js';
import { Spool } from './store/spool.js';
import { BatchingWriter } from './store/writer.js';

export type { AppDeps } from './app.js';
export { createApp } from './app.js';
export { ensureCredentials } from './auth/bootstrap.js';
export type { Config, StoreConfig } from './config.js';
export { ConfigError, loadConfig } from './config.js';
export { createProject } from './projects/create-project.js';
export type { Store } from './store/client.js';
export { openStore } from './store/client.js';
export { migrate } from './store/migrate.js';
export { BatchingWriter } from './store/writer.js';

export interface RunningServer {
  /** Where a local client reaches the server (loopback when it listens on every interface). */
  url: string;
  /** The address actually bound, e.g. `http://0.0.0.0:4318`. */
  boundUrl: string;
  /** Listening on every interface (`HOST=0.0.0.0` or `::`), so reachable from other machines. */
  allInterfaces: boolean;
  port: number;
  credentials: Credentials;
  store: Store;
  /** Evaluates every alert rule and due digest now (the timer does it every SNAG_ALERTS_INTERVAL_S); the sent alerts' ids. */
  evaluateAlerts(): Promise<string[]>;
  /** Stops accepting requests, writes everything accepted, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, applies migrations, ensures credentials and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = openStore(config.store);
  await migrate(store);
  await applyRetention(store);
  const credentials = await ensureCredentials(store, config);
  const logger = createLogger(config.logLevel);
  // onAdd runs only after the first dead letter, by when `metrics` exists.
  const deadLetters = new DeadLetters(config.spool.deadLetterDir, logger, (letter) =>
    metrics.deadLetters.inc({ source: letter.source }),
  );
  const spool = new Spool(config.spool.dir, config.spool.maxBytes, store, logger, deadLetters);
  const disk =
    config.disk.minFreeBytes > 0
      ? new DiskGuard(config.disk.minFreeBytes, () => freeBytesOf(config.disk.dir), logger)
      : undefined;
  await disk?.check();
  // onInsert runs only after the first insert, by when `metrics` exists.
  const writer = new BatchingWriter(
    store,
    { onInsert: (seconds, ok) => metrics.writeSeconds.observe({ result: ok ? 'ok' : 'failed' }, seconds) },
    spool,
  );
  const metrics = createMetrics({
    pendingRows: () => writer.stats().pendingRows,
    spool: () => spool.stats(),
    disk: () => disk?.state(),
    alerts: () => alerts.stats(),
  });
  const alerts = new AlertDelivery({
    store,
    logger,
    smtp: config.smtp,
    // Webhooks leave through the outbound guard: private and metadata addresses refused unless allowed.
    post: (url, options) => guardedFetch(url, { ...options, allow: config.outbound.allow }),
    onOutcome: (channelType, outcome) => metrics.alertDeliveries.inc({ channel_type: channelType, outcome }),
  });
  const keys = new KeyResolver(store);
  await keys.preload();
  const erased = new ErasedSessions(store, logger);
  await erased.load();
  const assets =
    config.assets.maxProjectBytes > 0
      ? new AssetKeeper({
          store,
          allow: config.outbound.allow,
          maxProjectBytes: config.assets.maxProjectBytes,
          keyOf: config.scrub ? scrubbedUrl : undefined,
          logger,
        })
      : undefined;
  const app = createApp({
    assets,
    keys,
    erased,
    store,
    writer,
    spool,
    disk,
    adminToken: credentials.adminToken,
    rateLimits: config.rateLimits,
    scrub: config.scrub,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    logger,
    metrics,
    alerts,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  const address = server.address() as AddressInfo;
  const { url, boundUrl, allInterfaces } = describeBoundAddress(address);

  const runner = new AlertsRunner({
    store,
    logger,
    send: sendWith(alerts),
    baseUrl: config.publicUrl ?? url,
    intervalMs: config.alertsIntervalMs,
    onLeaseWon: () => alerts.resume(),
  });

  runner.start();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections become idle as their last response goes out; close them then.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
      await stopped;
      clearInterval(sweeper);
      clearTimeout(deadline);
      await runner.stop();
      await alerts.close();
      await assets?.close();
      await writer.close();
      await spool.close();
      disk?.close();
      erased.close();
      await store.close();
    })();
    return closing;
  };
  const evaluateAlerts = () => runner.runOnce(Date.now());
  return { url, boundUrl, allInterfaces, port: address.port, credentials, store, evaluateAlerts, close };
}

/** A URL as the scrubbed recording holds it (the scrubber runs on JSON text). */
function scrubbedUrl(url: string): string {
  return JSON.parse(scrubRecordingJson(JSON.stringify(url))) as string;
}
