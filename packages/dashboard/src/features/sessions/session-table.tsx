import type { SessionRow, SignalKind } from '@snag/protocol';
import { Link, useNavigate } from 'react-router';
import { KindBadge } from '../../components/kind-badge';
import { formatDateTime, formatDuration } from '../../lib/format';
import { replayLink } from '../../lib/links';
import { describeReplayKept, explainReplayKept } from '../../lib/replay-kept';
import { KIND_ORDER } from '../../lib/signal-kinds';

export function SessionTable({ project, sessions }: { project: string; sessions: SessionRow[] }) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className="table session-table">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Struggle</th>
            <th scope="col">Journey</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Errors
            </th>
            <th scope="col">Device</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const link = replayLink(project, session.id);
            const kinds = KIND_ORDER.filter((kind) => (session.signal_counts[kind] ?? 0) > 0);
            return (
              <tr
                key={session.id}
                className="clickable"
                onClick={(event) => {
                  if (!(event.target as HTMLElement).closest('a')) navigate(link);
                }}
              >
                <td>
                  <Link to={link} className="row-link">
                    <span className="strong">{session.user ?? 'Anonymous'}</span>
                  </Link>
                  <div className="sub">{formatDateTime(session.start)}</div>
                  <div className="sub" title={explainReplayKept(session.replay_kept)} data-testid="replay-kept">
                    replay {describeReplayKept(session.replay_kept, session.start)}
                  </div>
                </td>
                <td>
                  {kinds.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <div className="badges">
                      {kinds.map((kind: SignalKind) => (
                        <KindBadge key={kind} kind={kind} count={session.signal_counts[kind]} />
                      ))}
                    </div>
                  )}
                </td>
                <td>
                  <code className="path">{session.entry_page}</code>
                  {session.exit_page && session.exit_page !== session.entry_page ? (
                    <>
                      {' → '}
                      <code className="path">{session.exit_page}</code>
                    </>
                  ) : null}
                  <div className="sub">
                    {session.pages} page{session.pages === 1 ? '' : 's'}
                  </div>
                </td>
                <td className="num">{formatDuration(session.duration_ms)}</td>
                <td className={`num${session.errors > 0 ? ' tone-bad strong' : ' muted'}`}>{session.errors}</td>
                <td>
                  <span className="nowrap">{session.browser}</span>
                  <div className="sub">
                    {session.device}
                    {session.release ? ` · ${session.release}` : ''}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
