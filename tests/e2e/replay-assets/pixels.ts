/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser.)
import type { Browser } from 'playwright-core';

/**
 * The share of pixels that differ between two PNG screenshots of the same size: a pixel
 * differs when any channel is more than `tolerance` (0–255) apart, which absorbs
 * anti-aliasing. Decoded and compared in Chromium's canvas.
 */
export async function differingPixelShare(browser: Browser, a: Buffer, b: Buffer, tolerance = 48): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([first, second, limit]) => {
        const load = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d canvas');
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [x, y] = await Promise.all([load(first as string), load(second as string)]);
        if (x.width !== y.width || x.height !== y.height) {
          throw new Error(`sizes differ: ${x.width}×${x.height} and ${y.width}×${y.height}`);
        }
        let differing = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          for (let c = 0; c < 3; c += 1) {
            if (Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0)) > (limit as number)) {
              differing += 1;
              break;
            }
          }
        }
        return differing / (x.width * x.height);
      },
      [a.toString('base64'), b.toString('base64'), tolerance] as const,
    );
  } finally {
    await page.close();
  }
}
