import type { ReleaseChange } from '@snag/protocol';
import { ChangeTable } from './change-table';

/**
 * The hotspots without a verdict (too few sessions, or a change within chance), collapsed:
 * they are there to check a hotspot that is missing from the verdicts, not to be read first.
 */
export function UnchangedSection({
  project,
  changes,
  head,
  from,
}: {
  project: string;
  changes: ReleaseChange[];
  head: string;
  from: string;
}) {
  if (changes.length === 0) return null;
  return (
    <details className="card disclosure" aria-labelledby="group-same">
      <summary className="card-header">
        <h2 id="group-same">
          <span className="dot muted" aria-hidden="true" /> Unchanged in {head} ({changes.length})
        </h2>
        <p className="muted">no significant change, or too few sessions to tell</p>
      </summary>
      <ChangeTable project={project} changes={changes} from={from} />
    </details>
  );
}
