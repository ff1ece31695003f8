import { DAY_MS } from '../../analytics/constants.js';
import type { Store } from '../../store/client.js';
import { BASELINE_DAYS, BASELINE_FLOOR_PER_DAY, DAILY_WINDOW_MS } from './constants.js';
import { explain, findRankedHotspots } from './explained-hotspots.js';
import { findDailySessions } from './find-daily-sessions.js';
import { type Finding, hotspotKey } from './finding.js';
import { hotspotHeadline } from './headline.js';
import { poissonUpperTail } from './poisson.js';

/**
 * Hotspots whose affected sessions in the last 24 h are improbably many for their own level: with λ
 * the mean per day over the BASELINE_DAYS before (at least BASELINE_FLOOR_PER_DAY), the chance of at
 * least that many under Poisson(λ) is below `false_alarm_rate`, and they are at least `min_sessions`.
 */
export async function checkAboveBaseline(
  store: Store,
  project: string,
  condition: { false_alarm_rate: number; min_sessions: number },
  now: number,
): Promise<Finding[]> {
  const daily = await findDailySessions(store, project, now, BASELINE_DAYS);
  const judged = daily
    .map((row) => {
      const lambda = Math.max(BASELINE_FLOOR_PER_DAY, row.before.reduce((sum, n) => sum + n, 0) / BASELINE_DAYS);
      return { ...row, lambda, p: poissonUpperTail(row.today, lambda) };
    })
    .filter((row) => row.today >= condition.min_sessions && row.p < condition.false_alarm_rate);
  if (judged.length === 0) return [];
  const range = { from: now - DAY_MS, to: now };
  const byKey = new Map(judged.map((row) => [`${row.path_pattern}\u001f${row.element_key}\u001f${row.kind}`, row]));
  const hotspots = (await findRankedHotspots(store, project, range)).filter((hotspot) =>
    byKey.has(hotspotKey(hotspot)),
  );
  return (await explain(store, project, hotspots, range)).map((hotspot) => {
    const row = byKey.get(hotspotKey(hotspot)) as (typeof judged)[number];
    const usual = Math.round(row.lambda * 10) / 10;
    return {
      dedupe_key: hotspotKey(hotspot),
      window_ms: DAILY_WINDOW_MS,
      title: `Worse than usual: ${hotspotHeadline(hotspot)}`,
      reason: `${row.today} sessions hit it in the last 24 hours; over the ${BASELINE_DAYS} days before it averaged ${usual} a day (a chance of ${formatChance(row.p)} under its usual level).`,
      figures: {
        sessions_24h: row.today,
        usual_per_day: usual,
        p_value: row.p,
        false_alarm_rate: condition.false_alarm_rate,
      },
      hotspot,
    };
  });
}

function formatChance(p: number): string {
  return p < 0.0001 ? 'less than 1 in 10,000' : `1 in ${Math.round(1 / p).toLocaleString('en-US')}`;
}
