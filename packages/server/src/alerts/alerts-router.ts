import { type Request, Router } from 'express';
import type { Store } from '../store/client.js';
import { channelsRouter } from './channels/channels-router.js';
import { channelsChecker } from './channels/require-channels.js';
import type { AlertDelivery } from './delivery/alert-delivery.js';
import { historyRouter } from './delivery/history-router.js';
import { digestRouter } from './digest/digest-router.js';
import type { SendAlert } from './evaluate/evaluate-rules.js';
import { alertRulesRouter } from './rules/rules-router.js';

export interface AlertsRouterDeps {
  store: Store;
  delivery: AlertDelivery;
  /** `SNAG_PUBLIC_URL`: the base of links in digests; else the address the request came to. */
  publicUrl?: string | undefined;
}

/**
 * Everything under `/projects/:project/alerts/`, mounted after `requireProjectAccess`
 * (reads for every role, changes for admins and owners): channels, and the history of
 * what was sent, the rules and the weekly digest.
 */
export function alertsRouter({ store, delivery, publicUrl }: AlertsRouterDeps): Router {
  const requireChannels = channelsChecker(store);
  const baseUrlOf = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;
  return Router().use(
    channelsRouter(store, delivery),
    historyRouter(store),
    alertRulesRouter(store, requireChannels),
    digestRouter(store, sendWith(delivery), baseUrlOf, requireChannels),
  );
}

/** The evaluator's and the digest's way to send: through delivery's queue. */
export function sendWith(delivery: AlertDelivery): SendAlert {
  return (alert) => delivery.enqueue(alert);
}
