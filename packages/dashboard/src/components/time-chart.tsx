import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  /** Bars for counts, lines for rates. */
  style?: 'line' | 'bars';
  /** Series on the right-hand axis (shares, 0–1). */
  share?: boolean;
}

const DEFAULT_HEIGHT = 240;
const AXIS_FONT = '12px Inter, system-ui, sans-serif';
const GRID = { stroke: '#eef0f4', width: 1 };
const DAY_S = 86_400;
const DAY_TICK_STEPS_S = [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S];
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const hourLabel = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayLegend = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const hourLegend = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The legend shows the hovered bucket; with nothing hovered uPlot would show "--" and "—",
 * so it shows the latest bucket instead, its time marked "(latest)".
 */
function showLatestWhenIdle(chart: uPlot): void {
  const last = (chart.data[0]?.length ?? 0) - 1;
  if (chart.legend.idx == null && last >= 0) chart.setLegend({ idx: last }, false);
}

/** A time-series chart (uPlot): counts on the left axis, shares on the right, sized to its container. */
export function TimeChart({
  times,
  series,
  height = DEFAULT_HEIGHT,
  label,
  interval = 'day',
}: {
  times: number[];
  series: ChartSeries[];
  height?: number;
  label: string;
  /** Bucket size, for the x-axis labels. */
  interval?: 'hour' | 'day';
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const hasShare = series.some((entry) => entry.share);
    const bars = uPlot.paths.bars?.({ size: [0.6, 48] });
    const options: uPlot.Options = {
      width: element.clientWidth,
      height,
      cursor: { drag: { x: false, y: false } },
      legend: { show: true },
      hooks: { ready: [showLatestWhenIdle], setLegend: [showLatestWhenIdle] },
      scales: { x: { time: true }, share: { range: [0, 1] } },
      axes: [
        {
          font: AXIS_FONT,
          stroke: '#6b7280',
          grid: GRID,
          ticks: { show: false },
          space: 64,
          // Daily buckets: ticks on whole days only, so no label repeats.
          ...(interval === 'day' ? { incrs: DAY_TICK_STEPS_S } : {}),
          values: (_: uPlot, ticks: number[]) =>
            ticks.map((tick) => (interval === 'day' ? dayLabel : hourLabel).format(new Date(tick * 1_000))),
        },
        { font: AXIS_FONT, stroke: '#6b7280', grid: GRID, ticks: { show: false }, size: 56 },
        ...(hasShare
          ? [
              {
                scale: 'share',
                side: 1,
                font: AXIS_FONT,
                stroke: '#6b7280',
                grid: { show: false },
                ticks: { show: false },
                values: (_: uPlot, ticks: number[]) => ticks.map((tick) => `${Math.round(tick * 100)} %`),
              } satisfies uPlot.Axis,
            ]
          : []),
      ],
      series: [
        {
          label: interval === 'day' ? 'Day' : 'Hour',
          value: (chart, value) => {
            if (value === null || value === undefined) return '—';
            const time = (interval === 'day' ? dayLegend : hourLegend).format(new Date(value * 1_000));
            return chart.cursor.idx == null ? `${time} (latest)` : time;
          },
        },
        ...series.map(
          (entry): uPlot.Series => ({
            label: entry.label,
            stroke: entry.color,
            width: entry.style === 'bars' ? 0 : 2,
            fill: entry.style === 'bars' ? `${entry.color}cc` : `${entry.color}14`,
            paths: entry.style === 'bars' ? bars : undefined,
            points: { show: false },
            scale: entry.share ? 'share' : 'y',
            value: (_, value) =>
              value === null || value === undefined ? '—' : entry.share ? `${(value * 100).toFixed(1)} %` : `${value}`,
          }),
        ),
      ],
    };
    const chart = new uPlot(options, [times, ...series.map((entry) => entry.values)], element);
    const observer = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [times, series, height, interval]);

  return <figure className="time-chart" ref={container} aria-label={label} />;
}
