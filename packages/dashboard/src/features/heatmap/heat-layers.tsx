import type { HeatmapResponse } from '@snag/protocol';
import { formatCount, formatShare } from '../../lib/format';
import { elementBox, type RebuiltPage } from '../../snapshot/page-snapshot';

/** Elements outlined on the page with their click counts. */
const ELEMENTS_OUTLINED = 12;
/** Density cells are drawn this much larger than their grid square, so neighbours blend. */
const BLOB_SPREAD = 1.8;

export interface PageBox {
  width: number;
  height: number;
}

/** Click density: one soft blob per grid cell, hotter with more clicks. */
export function DensityLayer({ heatmap, page }: { heatmap: HeatmapResponse; page: PageBox }) {
  const { cells, columns, row_px: rowPx } = heatmap.density;
  const max = Math.max(1, ...cells.map((cell) => cell.clicks));
  const cellWidth = page.width / columns;
  return (
    <div className="density-layer" data-testid="density-layer">
      {cells.map((cell) => {
        const heat = cell.clicks / max;
        const width = cellWidth * BLOB_SPREAD;
        const height = rowPx * BLOB_SPREAD;
        return (
          <div
            key={`${cell.column}:${cell.row}`}
            className="heat-blob"
            title={`${cell.clicks} clicks`}
            style={{
              left: cell.column * cellWidth + cellWidth / 2 - width / 2,
              top: cell.row * rowPx + rowPx / 2 - height / 2,
              width,
              height,
              opacity: 0.25 + heat * 0.7,
              background: `radial-gradient(closest-side, hsla(${Math.round(60 - heat * 60)}, 95%, 50%, 0.9), transparent)`,
            }}
          />
        );
      })}
    </div>
  );
}

export function ElementCounts({
  heatmap,
  page,
  highlighted,
}: {
  heatmap: HeatmapResponse;
  page: RebuiltPage;
  highlighted: string | null;
}) {
  return (
    <>
      {heatmap.elements.slice(0, ELEMENTS_OUTLINED).map((element) => {
        const box = elementBox(page, element.selector);
        if (!box || box.width === 0) return null;
        return (
          <div
            key={element.element}
            className={`element-count${highlighted === element.element ? ' active' : ''}`}
            style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
          >
            <span className="element-count-pill">{formatCount(element.clicks)}</span>
          </div>
        );
      })}
    </>
  );
}

/** Scroll reach: a line at each 10 % step, and the unseen part of the page dimmed. */
export function ScrollLayer({ heatmap, page }: { heatmap: HeatmapResponse; page: PageBox }) {
  const steps = heatmap.scroll.reached.filter((step) => step.depth_pct > 0);
  return (
    <div className="scroll-layer" data-testid="scroll-layer">
      {steps.map((step) => {
        const top = ((step.depth_pct - 10) / 100) * page.height;
        const height = page.height / 10;
        return (
          <div
            key={step.depth_pct}
            className="scroll-band"
            style={{ top, height, background: `rgba(15, 23, 42, ${((1 - step.share) * 0.6).toFixed(3)})` }}
          >
            <span className="scroll-label">
              {formatShare(step.share, 0)} reached {step.depth_pct} %
            </span>
          </div>
        );
      })}
    </div>
  );
}
