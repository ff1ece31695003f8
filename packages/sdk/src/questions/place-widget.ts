import { WIDGET_MARGIN_PX } from './constants.js';

/**
 * Puts the panel in the first corner of the viewport (bottom right, bottom left, top right,
 * top left) where it does not cover the element the person struggled with.
 */
export function placeWidget(panel: HTMLElement, avoid: Element | null): void {
  const { width, height } = panel.getBoundingClientRect();
  const target = avoid?.getBoundingClientRect();
  const margin = WIDGET_MARGIN_PX;
  const right = innerWidth - width - margin;
  const bottom = innerHeight - height - margin;
  const corners = [
    [right, bottom],
    [margin, bottom],
    [right, margin],
    [margin, margin],
  ] as const;
  const clear = ([left, top]: readonly [number, number]) =>
    !target ||
    left + width + margin <= target.left ||
    left - margin >= target.right ||
    top + height + margin <= target.top ||
    top - margin >= target.bottom;
  const [left, top] = corners.find(clear) ?? corners[0];
  panel.style.left = `${Math.max(0, left)}px`;
  panel.style.top = `${Math.max(0, top)}px`;
}

/** Whether the host page is dark: its background, else its declared colour scheme and the system's. */
export function isDarkPage(): boolean {
  for (const element of [document.body, document.documentElement]) {
    const rgb = getComputedStyle(element)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (rgb && rgb.length >= 3 && rgb[3] !== 0) {
      const [r = 0, g = 0, b = 0] = rgb;
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }
  }
  return (
    getComputedStyle(document.documentElement).colorScheme.includes('dark') &&
    matchMedia('(prefers-color-scheme: dark)').matches
  );
}
