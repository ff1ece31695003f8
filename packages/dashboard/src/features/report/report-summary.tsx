import type { FrictionReport } from '@snag/protocol';
import { useMemo } from 'react';
import { useApi } from '../../api/use-api';
import { Stat } from '../../components/stat';
import { ErrorState, LoadingState } from '../../components/states';
import { TimeChart } from '../../components/time-chart';
import { formatCount, formatShare } from '../../lib/format';
import { VIEWER_TZ } from '../../lib/time-zone';

/** Totals of the range and the daily share of sessions that struggled. */
export function ReportSummary({ project, from }: { project: string; from: string }) {
  const report = useApi<FrictionReport>(`/projects/${project}/report`, { from, tz: VIEWER_TZ });
  const chart = useMemo(() => {
    const trend = report.data?.trend ?? [];
    return {
      times: trend.map((day) => Date.parse(`${day.day}T00:00:00Z`) / 1_000),
      series: [
        { label: 'Sessions', values: trend.map((day) => day.sessions), color: '#c7d2fe', style: 'bars' as const },
        {
          label: 'Struggled',
          values: trend.map((day) => day.struggle_share),
          color: '#dc2626',
          share: true,
        },
      ],
    };
  }, [report.data]);

  if (report.isPending) return <LoadingState rows={3} />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  const { totals } = report.data;
  const top = report.data.hotspots[0];
  return (
    <section className="card summary" aria-label="Summary">
      <div className="stats">
        <Stat label="Sessions" value={formatCount(totals.sessions)} />
        <Stat
          label="Sessions with struggle"
          value={formatShare(totals.struggle_share)}
          hint={`${formatCount(totals.struggling_sessions)} sessions`}
          tone={totals.struggle_share > 0.2 ? 'bad' : undefined}
        />
        <Stat label="Struggle signals" value={formatCount(totals.signals)} />
        <Stat
          label="Hotspots found"
          value={formatCount(report.data.hotspots.length)}
          hint={top ? `#1 hurts ${formatCount(top.sessions)} sessions` : 'none in this range'}
        />
      </div>
      {chart.times.length > 1 ? (
        <TimeChart
          label="Sessions and share that struggled, per day"
          times={chart.times}
          series={chart.series}
          height={170}
        />
      ) : null}
    </section>
  );
}
