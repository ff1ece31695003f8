import type { AnswersSummary } from '@snag/protocol';
import { OTHER_CHOICE } from '@snag/protocol/enums';
import { Link } from 'react-router';
import { formatAgo, formatClock, formatCount, formatDateTime, formatShare } from '../lib/format';
import { replayLink } from '../lib/links';
import { Stat } from './stat';

/**
 * What people said: how often they were asked, answered and dismissed, the choices picked
 * (as bars), the mean rating, and the latest quotes, each opening the replay at that moment.
 */
export function AnswersSummaryView({ project, summary }: { project: string; summary: AnswersSummary }) {
  const top = Math.max(1, ...summary.choices.map((choice) => choice.count));
  return (
    <div className="answers-summary">
      <div className="stats stats-compact">
        <Stat label="Asked" value={formatCount(summary.shown)} />
        <Stat
          label="Answered"
          value={formatCount(summary.answered)}
          hint={`response rate ${formatShare(summary.response_rate, 0)}`}
        />
        <Stat
          label="Dismissed"
          value={formatCount(summary.dismissed)}
          hint={`dismissal rate ${formatShare(summary.dismissal_rate, 0)}`}
        />
        {summary.ratings.mean !== null ? (
          <Stat
            label="Mean rating"
            value={`${summary.ratings.mean} / 5`}
            hint={`${formatCount(summary.ratings.count)} ratings`}
          />
        ) : null}
      </div>
      {summary.choices.length > 0 ? (
        <ul className="choice-bars" aria-label="Answers by choice">
          {summary.choices.map((choice) => (
            <li key={choice.choice}>
              <span className="choice-label">{choice.choice === OTHER_CHOICE ? 'Other' : choice.choice}</span>
              <span className="choice-bar" aria-hidden="true">
                <span style={{ width: `${(choice.count / top) * 100}%` }} />
              </span>
              <span className="choice-count">{formatCount(choice.count)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.quotes.length > 0 ? (
        <ul className="quote-list" aria-label="Latest answers in their words">
          {summary.quotes.map((quote) => (
            <li key={`${quote.session_id}-${quote.time}`}>
              <blockquote>{quote.text}</blockquote>
              <Link to={replayLink(project, quote.session_id, quote.offset_ms)} data-testid="quote-replay">
                Replay at {formatClock(quote.offset_ms)}
              </Link>{' '}
              <span className="muted" title={formatDateTime(quote.time)}>
                · {formatAgo(quote.time)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
