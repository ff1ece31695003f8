import type { Hotspot } from '@snag/protocol';
import { Link, useNavigate } from 'react-router';
import { KindBadge } from '../../components/kind-badge';
import { formatAgo, formatChange, formatCount, formatShare } from '../../lib/format';
import { hotspotLink } from '../../lib/links';
import { Explanation } from './explanation';
import { HotspotSparkline } from './hotspot-sparkline';
import { HotspotTitle } from './hotspot-title';

/** Hotspots ranked by impact; each row opens the hotspot view. */
export function HotspotTable({ project, hotspots, from }: { project: string; hotspots: Hotspot[]; from: string }) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className="table hotspot-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Hotspot</th>
            <th scope="col">Struggle</th>
            <th scope="col" className="num" title="Affected sessions + sessions that gave up afterwards">
              Impact
            </th>
            <th scope="col" className="num">
              Sessions
            </th>
            <th scope="col" className="num">
              Gave up
            </th>
            <th scope="col">Trend</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {hotspots.map((hotspot, index) => {
            const link = hotspotLink(project, hotspot, from);
            const change = hotspot.trend.change;
            return (
              <tr
                key={`${hotspot.path}|${hotspot.element?.key ?? ''}|${hotspot.kind}`}
                className="clickable"
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(link);
                }}
              >
                <td className="num rank">{index + 1}</td>
                <td>
                  <Link to={link} className="row-link">
                    <HotspotTitle hotspot={hotspot} />
                  </Link>
                  <Explanation project={project} sentences={hotspot.explanation} from={from} lead />
                </td>
                <td>
                  <KindBadge kind={hotspot.kind} />
                </td>
                <td className="num strong">{formatCount(hotspot.impact)}</td>
                <td className="num">
                  {formatCount(hotspot.sessions)}
                  <div className="sub">{formatShare(hotspot.affected_share)} of visits</div>
                </td>
                <td className="num">{formatShare(hotspot.abandonment, 0)}</td>
                <td>
                  <div className="trend-cell">
                    <HotspotSparkline project={project} hotspot={hotspot} from={from} />
                    <span className={`change ${change === null ? 'neutral' : change > 0 ? 'bad' : 'good'}`}>
                      {formatChange(change)}
                    </span>
                  </div>
                </td>
                <td className="muted nowrap">{formatAgo(hotspot.last_seen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
