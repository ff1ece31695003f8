import { DAY_MS } from '../../analytics/constants.js';
import { findPages } from '../../pages/find-pages.js';
import type { Store } from '../../store/client.js';
import { DAILY_WINDOW_MS } from './constants.js';
import type { Finding } from './finding.js';

/** Pages more than this: the rule reads this many of the busiest. */
const PAGES_READ = 500;

/** `/checkout` matches that pattern only; `/account/*` matches every pattern under `/account/`. */
export function matchesPathRule(rule: string, pathPattern: string): boolean {
  return rule.endsWith('*') ? pathPattern.startsWith(rule.slice(0, -1)) : pathPattern === rule;
}

/** Pages matching the rule's path whose share of struggling visitors over the last 24 h is above the threshold. */
export async function checkPageStruggleRate(
  store: Store,
  project: string,
  condition: { path: string; threshold: number; min_sessions: number },
  now: number,
): Promise<Finding[]> {
  const pages = await findPages(store, project, { from: now - DAY_MS, to: now }, PAGES_READ);
  return pages
    .filter(
      (page) =>
        matchesPathRule(condition.path, page.path) &&
        Number(page.sessions) >= condition.min_sessions &&
        Number(page.struggle_rate) > condition.threshold,
    )
    .map((page) => {
      const rate = Math.round(Number(page.struggle_rate) * 100);
      return {
        dedupe_key: page.path,
        window_ms: DAILY_WINDOW_MS,
        title: `${rate} % of visitors struggled on ${page.path}`,
        reason: `${page.struggling_sessions} of the ${page.sessions} visitors of ${page.path} in the last 24 hours struggled there (rule: above ${Math.round(condition.threshold * 100)} %).`,
        figures: {
          path: page.path,
          sessions: Number(page.sessions),
          struggling_sessions: Number(page.struggling_sessions),
          struggle_rate: Number(page.struggle_rate),
          threshold: condition.threshold,
        },
      };
    });
}
