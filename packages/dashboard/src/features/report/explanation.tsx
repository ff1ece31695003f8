import type { Sentence } from '@snag/protocol';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { sessionsLink } from '../../lib/links';

/** A sentence with each figure linked to the sessions it counts (the sessions screen with those filters). */
function LinkedSentence({ project, sentence, from }: { project: string; sentence: Sentence; from?: string }) {
  const parts: ReactNode[] = [];
  let rest = sentence.text;
  for (const link of sentence.links) {
    const at = rest.indexOf(link.text);
    if (at < 0) continue;
    parts.push(rest.slice(0, at));
    const filters = Object.fromEntries(Object.entries(link.sessions).map(([key, value]) => [key, String(value)]));
    parts.push(
      <Link
        key={`${parts.length}:${link.text}`}
        to={sessionsLink(project, { from, ...filters })}
        className="figure-link"
      >
        {link.text}
      </Link>,
    );
    rest = rest.slice(at + link.text.length);
  }
  parts.push(rest);
  return <>{parts}</>;
}

/** A hotspot's explanation as a short paragraph; only the lead sentence when `lead` is set (tables). */
export function Explanation({
  project,
  sentences,
  from,
  lead = false,
}: {
  project: string;
  sentences: Sentence[];
  from?: string;
  lead?: boolean;
}) {
  const shown = lead ? sentences.slice(0, 1) : sentences;
  if (shown.length === 0) return null;
  return (
    <p className={lead ? 'explanation explanation-lead' : 'explanation'} data-testid="explanation">
      {shown.map((sentence) => (
        <span key={sentence.kind}>
          {sentence !== shown[0] ? ' ' : null}
          <LinkedSentence project={project} sentence={sentence} from={from} />
        </span>
      ))}
    </p>
  );
}
