import type { ReleaseChange } from '@snag/protocol';
import { Link } from 'react-router';
import { KindBadge } from '../../components/kind-badge';
import { elementTitle } from '../../lib/element-names';
import { formatShare } from '../../lib/format';
import { hotspotLink } from '../../lib/links';

const RATE_DIGITS = 2;

/** The element as people name it, else its text or selector; page-level kinds are the whole page. */
function changeTitle(change: ReleaseChange): string {
  if (!change.element) return 'The whole page';
  return (
    elementTitle({ name: change.element_name, role: change.element_role }) ||
    change.element_text?.trim() ||
    change.element
  );
}

export function ChangeTable({ project, changes, from }: { project: string; changes: ReleaseChange[]; from: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Hotspot</th>
            <th scope="col">Struggle</th>
            <th scope="col" className="num">
              Base rate
            </th>
            <th scope="col" className="num">
              Head rate
            </th>
            <th scope="col" className="num">
              Sessions (base → head)
            </th>
            <th scope="col" className="num" title="Two-proportion z-score; |z| ≥ 1.96 is significant at 95 %">
              z
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={`${change.path}|${change.element ?? ''}|${change.kind}`}>
              <td>
                <Link
                  className="row-link"
                  to={hotspotLink(
                    project,
                    {
                      path: change.path,
                      kind: change.kind,
                      element: change.element
                        ? {
                            key: change.element,
                            selector: change.element,
                            tag: '',
                            text: change.element_text ?? '',
                            name: change.element_name,
                            role: change.element_role,
                          }
                        : null,
                    },
                    from,
                  )}
                >
                  <span className="strong">{changeTitle(change)}</span>
                </Link>
                <div className="sub">
                  <code>{change.path}</code>
                </div>
              </td>
              <td>
                <KindBadge kind={change.kind} />
              </td>
              <td className="num">{formatShare(change.base.rate, RATE_DIGITS)}</td>
              <td className="num strong">{formatShare(change.head.rate, RATE_DIGITS)}</td>
              <td className="num">
                {change.base.sessions} → {change.head.sessions}
              </td>
              <td className="num muted">{change.z === null ? '—' : change.z.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
