import type { HeatmapResponse } from '@snag/protocol';
import { useCallback } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { PageSnapshot, type RebuiltPage } from '../../snapshot/page-snapshot';
import { usePageRecording } from '../../snapshot/use-page-recording';
import { DensityLayer, ElementCounts, ScrollLayer } from './heat-layers';

/** Width of the blank page clicks are drawn on when no snapshot of the page was recorded. */
const BLANK_PAGE_WIDTH = 1_000;

export type HeatLayer = 'clicks' | 'scroll';

/** The page as recorded with the chosen layer on top; a blank page of the same proportions without a recording. */
export function HeatmapCanvas({
  project,
  from,
  device,
  heatmap,
  layer,
  highlighted,
}: {
  project: string;
  from: string;
  device: string;
  heatmap: HeatmapResponse;
  layer: HeatLayer;
  highlighted: string | null;
}) {
  const recording = usePageRecording(project, heatmap.path, from, device);
  const overlay = useCallback(
    (page: RebuiltPage) =>
      layer === 'clicks' ? (
        <>
          <DensityLayer heatmap={heatmap} page={page} />
          <ElementCounts heatmap={heatmap} page={page} highlighted={highlighted} />
        </>
      ) : (
        <ScrollLayer heatmap={heatmap} page={page} />
      ),
    [heatmap, layer, highlighted],
  );

  if (recording.isPending) return <LoadingState label="Rebuilding the page…" rows={6} />;
  if (recording.isError) return <ErrorState error={recording.error} onRetry={() => recording.refetch()} />;
  if (recording.data) {
    return (
      <PageSnapshot recording={recording.data} overlay={overlay} label={`${heatmap.path} with its ${layer} heatmap`} />
    );
  }
  const rows = Math.max(8, ...heatmap.density.cells.map((cell) => cell.row + 1));
  const blank = { width: BLANK_PAGE_WIDTH, height: rows * heatmap.density.row_px };
  return (
    <>
      <p className="notice">
        No recorded snapshot of this page yet; the heatmap is drawn on a blank page of its width.
      </p>
      <div className="snapshot-frame" role="img" aria-label={`${heatmap.path} ${layer} heatmap`}>
        <div className="blank-page" style={{ aspectRatio: `${blank.width} / ${blank.height}` }}>
          <svg viewBox={`0 0 ${blank.width} ${blank.height}`} className="blank-page-layer" aria-hidden="true">
            <foreignObject width={blank.width} height={blank.height}>
              {layer === 'clicks' ? (
                <DensityLayer heatmap={heatmap} page={blank} />
              ) : (
                <ScrollLayer heatmap={heatmap} page={blank} />
              )}
            </foreignObject>
          </svg>
        </div>
      </div>
      {heatmap.density.cells.length === 0 && layer === 'clicks' ? (
        <EmptyState title="No clicks on this page in this range" />
      ) : null}
    </>
  );
}
