import type { AlertCondition } from '@snag/protocol';
import type { Store } from '../../store/client.js';
import type { StoredRule } from '../rules/rules-store.js';
import { checkAboveBaseline } from './check-above-baseline.js';
import { checkNewHotspot } from './check-new-hotspot.js';
import { checkPageStruggleRate } from './check-page-rate.js';
import { checkReleaseRegression } from './check-release-regression.js';
import { composeAlert } from './compose-alert.js';
import { MAX_ALERTS_PER_RULE } from './constants.js';
import { type Finding, hotspotKey } from './finding.js';
import { findLastFirings, insertFiring } from './firings-store.js';

/** Hands an alert to delivery (its own queue) and resolves with the alert's id once it is recorded. */
export type SendAlert = (alert: {
  project: string;
  kind: 'alert' | 'digest';
  title: string;
  text: string;
  html: string;
  payload: Record<string, unknown>;
  channelIds: readonly string[];
}) => Promise<string>;

export interface EvaluateDeps {
  store: Store;
  send: SendAlert;
  /** Where people open the dashboard (links in alerts). */
  baseUrl: string;
}

function check(store: Store, project: string, condition: AlertCondition, now: number): Promise<Finding[]> {
  switch (condition.kind) {
    case 'new_hotspot':
      return checkNewHotspot(store, project, condition, now);
    case 'above_baseline':
      return checkAboveBaseline(store, project, condition, now);
    case 'page_struggle_rate':
      return checkPageStruggleRate(store, project, condition, now);
    case 'release_regression':
      return checkReleaseRegression(store, project, now);
  }
}

/**
 * Runs one rule: what it finds, less muted hotspots and what it already alerted about within
 * the finding's window, is sent (at most MAX_ALERTS_PER_RULE per run) and remembered.
 */
export async function evaluateRule(deps: EvaluateDeps, rule: StoredRule, now: number): Promise<string[]> {
  if (!rule.enabled || (rule.snoozed_until && Date.parse(rule.snoozed_until) > now)) return [];
  const muted = new Set(
    rule.muted.map((ref) => hotspotKey({ ...ref, element: ref.element ? { key: ref.element } : null })),
  );
  const findings = (await check(deps.store, rule.project_id, rule.condition, now)).filter(
    (finding) => !finding.hotspot || !muted.has(hotspotKey(finding.hotspot)),
  );
  const fired = await findLastFirings(
    deps.store,
    rule.project_id,
    rule.id,
    findings.map((finding) => finding.dedupe_key),
  );
  const due = findings
    .filter((finding) => now - (fired.get(finding.dedupe_key) ?? Number.NEGATIVE_INFINITY) >= finding.window_ms)
    .slice(0, MAX_ALERTS_PER_RULE);
  const sent: string[] = [];
  for (const finding of due) {
    const alert = composeAlert(deps.baseUrl, rule.project_id, rule, finding);
    const alertId = await deps.send({
      project: rule.project_id,
      kind: 'alert',
      ...alert,
      channelIds: rule.channel_ids,
    });
    await insertFiring(deps.store, {
      project: rule.project_id,
      ruleId: rule.id,
      dedupeKey: finding.dedupe_key,
      alertId,
      at: now,
    });
    sent.push(alertId);
  }
  return sent;
}
