import type { SessionSummary } from '@snag/protocol';
import { formatDateTime, formatDuration } from '../../lib/format';
import { describeReplayKept, explainReplayKept } from '../../lib/replay-kept';

/** One line about the session: who, when, how long, on what. */
export function SessionFacts({ session, id, signals }: { session?: SessionSummary; id: string; signals: number }) {
  if (!session) return <span className="facts">{id}</span>;
  const who = session.user_id || `anonymous ${session.anonymous_id.slice(0, 12)}`;
  return (
    <span className="facts">
      <span>{who}</span>
      <span>{formatDateTime(session.start)}</span>
      <span>{formatDuration(session.duration_ms)}</span>
      <span>
        {session.browser} · {session.os} · {session.device}
      </span>
      {session.release ? <span>release {session.release}</span> : null}
      <span title={explainReplayKept(session.replay_kept)} data-testid="replay-kept">
        replay {describeReplayKept(session.replay_kept, session.start)}
      </span>
      <span>
        {signals} struggle signal{signals === 1 ? '' : 's'} · {session.errors} error{session.errors === 1 ? '' : 's'}
      </span>
    </span>
  );
}
