import type { SessionsResponse } from '@snag/protocol';
import { useApi } from '../../api/use-api';
import { INSTALL_CHECK_INTERVAL_MS } from '../../lib/constants';
import { formatAgo, pathOf } from '../../lib/format';

/** Looks back this far for a first session. */
const CHECK_RANGE = '-90d';

/** Polls for the project's most recent session; green once one has arrived. */
export function InstallCheck({ project }: { project: string }) {
  const latest = useApi<SessionsResponse>(
    `/projects/${project}/sessions`,
    { from: CHECK_RANGE, sort: 'recent', limit: 1 },
    { refetchMs: INSTALL_CHECK_INTERVAL_MS },
  );
  const session = latest.data?.sessions[0];
  const state = session ? 'live' : latest.isError ? 'error' : 'waiting';
  return (
    <div className={`install-check install-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="install-light" aria-hidden="true" />
      {session ? (
        <div>
          <strong>Receiving events.</strong> The latest session started {formatAgo(session.start)} on{' '}
          <code>{pathOf(session.entry_page)}</code>.
        </div>
      ) : latest.isError ? (
        <div>
          <strong>Could not check.</strong> {latest.error.message}
        </div>
      ) : (
        <div>
          <strong>Waiting for the first event…</strong> Load a page that has the snippet; this turns green within a few
          seconds.
        </div>
      )}
    </div>
  );
}
