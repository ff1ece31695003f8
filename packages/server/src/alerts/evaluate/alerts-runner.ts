import { randomBytes } from 'node:crypto';
import type { Logger } from '../../observability/logger.js';
import { buildDigest } from '../digest/build-digest.js';
import { findAllDigestSettings } from '../digest/digest-store.js';
import { findRules } from '../rules/rules-store.js';
import { type EvaluateDeps, evaluateRule } from './evaluate-rules.js';
import { findLastFirings, insertFiring } from './firings-store.js';
import { claimRound } from './lease.js';

/** Digests are remembered as firings of this pseudo-rule, keyed by the week they cover. */
const DIGEST_RULE_ID = 'digest';
const WEEK_MS = 7 * 24 * 3_600_000;
/** The first round after start: soon, but after the server is serving. */
const FIRST_TICK_MS = 15_000;

export interface AlertsRunnerDeps extends EvaluateDeps {
  logger?: Logger;
  intervalMs: number;
  /** Tells the round's lease winner to pick up pending deliveries (left by a restart or another server). */
  onLeaseWon?: () => Promise<unknown>;
}

/**
 * Evaluates every project's alert rules and due digests on a timer, off every request path.
 * With several servers on one store, only the winner of each round's lease does (lease.ts).
 * A failing rule is logged and skipped; the others still run.
 */
export class AlertsRunner {
  private timer: ReturnType<typeof setInterval> | undefined;
  private first: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private readonly holder = randomBytes(8).toString('hex');

  constructor(private readonly deps: AlertsRunnerDeps) {}

  /** Ticks every interval, and once soon after start (so deliveries left pending by a restart resume quickly). */
  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref();
    this.first = setTimeout(() => void this.tick(), Math.min(FIRST_TICK_MS, this.deps.intervalMs));
    this.first.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.first);
    await this.running;
  }

  private tick(): Promise<void> {
    if (this.running) return this.running;
    const now = Date.now();
    this.running = (async () => {
      const round = `alerts:${Math.floor(now / this.deps.intervalMs)}`;
      if (!(await claimRound(this.deps.store, round, this.holder))) return;
      await this.deps.onLeaseWon?.();
      await this.runOnce(now);
    })()
      .catch((error) => this.deps.logger?.error({ err: error }, 'alert evaluation failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** One evaluation of every rule and digest at `now`; returns the ids of the alerts it sent. */
  async runOnce(now: number): Promise<string[]> {
    const sent: string[] = [];
    for (const rule of await findRules(this.deps.store)) {
      try {
        sent.push(...(await evaluateRule(this.deps, rule, now)));
      } catch (error) {
        this.deps.logger?.error({ err: error, rule: rule.id, project: rule.project_id }, 'alert rule failed');
      }
    }
    for (const [project, settings] of await findAllDigestSettings(this.deps.store)) {
      const at = new Date(now);
      if (!settings.enabled || at.getUTCDay() !== settings.weekday || at.getUTCHours() < settings.hour) continue;
      const week = String(Math.floor(now / WEEK_MS));
      const fired = await findLastFirings(this.deps.store, project, DIGEST_RULE_ID, [week]);
      if (fired.has(week)) continue;
      const digest = await buildDigest(this.deps.store, project, this.deps.baseUrl, now);
      const alertId = await this.deps.send({ project, kind: 'digest', ...digest, channelIds: settings.channel_ids });
      await insertFiring(this.deps.store, { project, ruleId: DIGEST_RULE_ID, dedupeKey: week, alertId, at: now });
      sent.push(alertId);
    }
    return sent;
  }
}
