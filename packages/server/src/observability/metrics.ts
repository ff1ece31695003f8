import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric Snag exports at /metrics, in one registry per app. */
export interface Metrics {
  registry: Registry;
  ingestRequests: Counter<'outcome'>;
  ingestEvents: Counter;
  writeSeconds: Histogram<'result'>;
  writerPendingRows: Gauge;
  spoolBytes: Gauge;
  spoolFiles: Gauge;
  spoolFailingSeconds: Gauge;
  deadLetters: Counter<'source'>;
  deadLetterRows: Gauge;
  diskFreeBytes: Gauge;
  diskLevel: Gauge;
  httpSeconds: Histogram<'method' | 'route' | 'status'>;
  alertDeliveries: Counter<'channel_type' | 'outcome'>;
  alertQueueLength: Gauge;
  alertDeliveriesFailing: Gauge;
}

export interface MetricSources {
  pendingRows(): number;
  spool(): { bytes: number; files: number; failingForMs: number; deadLetters: { rows: number } } | undefined;
  disk?(): { level: 'ok' | 'low' | 'critical'; freeBytes: number } | undefined;
  alerts?(): { queued: number; failing: number } | undefined;
}

const DISK_LEVELS = { ok: 0, low: 1, critical: 2 } as const;

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'snag_' });
  return {
    registry,
    ingestRequests: new Counter({
      name: 'snag_ingest_requests_total',
      help: 'Ingest requests by outcome: accepted, or the error code of the rejection',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    ingestEvents: new Counter({
      name: 'snag_ingest_events_total',
      help: 'Events accepted (stored or spooled)',
      registers: [registry],
    }),
    writeSeconds: new Histogram({
      name: 'snag_write_seconds',
      help: 'Duration of group-commit inserts into ClickHouse',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    writerPendingRows: new Gauge({
      name: 'snag_writer_pending_rows',
      help: 'Rows accepted and waiting for their insert',
      registers: [registry],
      collect() {
        this.set(sources.pendingRows());
      },
    }),
    spoolBytes: new Gauge({
      name: 'snag_spool_bytes',
      help: 'Bytes waiting in the on-disk spool for ClickHouse to come back',
      registers: [registry],
      collect() {
        this.set(sources.spool()?.bytes ?? 0);
      },
    }),
    spoolFiles: new Gauge({
      name: 'snag_spool_files',
      help: 'Inserts waiting in the on-disk spool',
      registers: [registry],
      collect() {
        this.set(sources.spool()?.files ?? 0);
      },
    }),
    spoolFailingSeconds: new Gauge({
      name: 'snag_spool_failing_seconds',
      help: 'How long the oldest spooled insert has been failing to go into ClickHouse (0: not failing)',
      registers: [registry],
      collect() {
        this.set((sources.spool()?.failingForMs ?? 0) / 1000);
      },
    }),
    deadLetters: new Counter({
      name: 'snag_dead_letters_total',
      help: 'Inserts ClickHouse refused on their own, set apart in the dead-letter folder, by where they were refused',
      labelNames: ['source'],
      registers: [registry],
    }),
    deadLetterRows: new Gauge({
      name: 'snag_dead_letter_rows',
      help: 'Rows waiting in the dead-letter folder for an operator (snag spool status)',
      registers: [registry],
      collect() {
        this.set(sources.spool()?.deadLetters.rows ?? 0);
      },
    }),
    diskFreeBytes: new Gauge({
      name: 'snag_disk_free_bytes',
      help: 'Free space on the file system of the data folder',
      registers: [registry],
      collect() {
        const free = sources.disk?.()?.freeBytes;
        if (free !== undefined && Number.isFinite(free)) this.set(free);
      },
    }),
    diskLevel: new Gauge({
      name: 'snag_disk_level',
      help: 'Free disk space: 0 ok, 1 low (replay chunks refused), 2 critical (every batch refused)',
      registers: [registry],
      collect() {
        this.set(DISK_LEVELS[sources.disk?.()?.level ?? 'ok']);
      },
    }),
    httpSeconds: new Histogram({
      name: 'snag_http_request_seconds',
      help: 'HTTP request duration by route (API query latency included)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    alertDeliveries: new Counter({
      name: 'snag_alert_deliveries_total',
      help: 'Alert delivery attempts by channel type and outcome: sent, retry (failed, will be tried again) or failed (gave up)',
      labelNames: ['channel_type', 'outcome'],
      registers: [registry],
    }),
    alertQueueLength: new Gauge({
      name: 'snag_alert_queue_length',
      help: 'Alert deliveries waiting or being attempted',
      registers: [registry],
      collect() {
        this.set(sources.alerts?.()?.queued ?? 0);
      },
    }),
    alertDeliveriesFailing: new Gauge({
      name: 'snag_alert_deliveries_failing',
      help: 'Alert deliveries whose last attempt failed and that wait for a retry',
      registers: [registry],
      collect() {
        this.set(sources.alerts?.()?.failing ?? 0);
      },
    }),
  };
}
