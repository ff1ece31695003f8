import { Router } from 'express';
import type { Store } from '../store/client.js';
import { channelsRouter } from './channels/channels-router.js';
import type { AlertDelivery } from './delivery/alert-delivery.js';
import { historyRouter } from './delivery/history-router.js';

export interface AlertsRouterDeps {
  store: Store;
  delivery: AlertDelivery;
}

/**
 * Everything under `/projects/:project/alerts/`, mounted after `requireProjectAccess`
 * (reads for every role, changes for admins and owners): channels, and the history of
 * what was sent. Rules go here too.
 */
export function alertsRouter({ store, delivery }: AlertsRouterDeps): Router {
  return Router().use(channelsRouter(store, delivery), historyRouter(store));
}
