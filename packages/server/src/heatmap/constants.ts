/** Heatmap: horizontal click density in columns of this share of the page width (5 %). */
export const HEATMAP_COLUMNS = 20;
/** Heatmap: vertical click density in rows of this many CSS px. */
export const HEATMAP_ROW_PX = 100;
/** Heatmap: elements returned, most clicked first. */
export const HEATMAP_ELEMENT_LIMIT = 100;
/** Scroll-depth distribution in steps of this many percent of the page height. */
export const SCROLL_DEPTH_STEP_PCT = 10;
