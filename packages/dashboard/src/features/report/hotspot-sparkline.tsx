import type { Hotspot, TrendsResponse } from '@snag/protocol';
import { useApi } from '../../api/use-api';
import { Sparkline } from '../../components/sparkline';
import { intervalFor } from '../../lib/ranges';
import { kindInfo } from '../../lib/signal-kinds';
import { VIEWER_TZ } from '../../lib/time-zone';

/** Daily occurrences of the hotspot's kind of struggle on its page over the range. */
export function HotspotSparkline({ project, hotspot, from }: { project: string; hotspot: Hotspot; from: string }) {
  const trends = useApi<TrendsResponse>(`/projects/${project}/trends`, {
    from,
    interval: intervalFor(from),
    tz: VIEWER_TZ,
    kind: hotspot.kind,
    path: hotspot.path,
  });
  const values = (trends.data?.buckets ?? []).map((bucket) => bucket.signals[hotspot.kind] ?? 0);
  return (
    <Sparkline
      values={values}
      color={kindInfo(hotspot.kind).color}
      label={`${kindInfo(hotspot.kind).label} on ${hotspot.path} per ${intervalFor(from)}`}
    />
  );
}
