// SDK benchmark: prints bundle sizes and main-thread cost of Snag, posthog-js and
// Sentry Replay relative to the same page without any SDK. Usage: pnpm bench:sdk [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '@snag/server';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { measure, type RunResult } from './measure.js';
import type { PageKind } from './pages.js';
import { buildPeerAssets, VARIANTS } from './peers.js';
import { bundleSizes } from './sizes.js';
import { startStaticServer } from './static-server.js';

const runs = Number(process.argv[2] ?? 3);
/** Optional comma-separated variants to run (`none,snag`); `none` is always kept as the baseline. */
const only = process.argv[3]?.split(',');
const variants = VARIANTS.filter((variant) => !only || variant === 'none' || only.includes(variant));
const PAGES: PageKind[] = ['app', 'stress'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const peers = await buildPeerAssets();
  console.log('\nBundle sizes (minified, gzip -9)');
  for (const { name, bytes } of bundleSizes(peers)) console.log(`  ${name.padEnd(62)} ${(bytes / 1024).toFixed(1)} KB`);

  const dataDir = mkdtempSync(join(tmpdir(), 'snag-bench-data-'));
  const snag = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SNAG_DATA_DIR: dataDir,
      SNAG_ADMIN_TOKEN: 'bench-admin-token-0123456789',
      SNAG_DEFAULT_PROJECT_KEY: 'pk_bench_key_123',
    }),
  );
  const site = await startStaticServer(peers, snag.url);
  const browser = await launchBrowser();
  try {
    for (const kind of PAGES) {
      const results = new Map<string, RunResult[]>();
      for (let run = 0; run < runs; run++) {
        // Interleaved so that drift in the machine's load hits every variant alike.
        for (const variant of variants) {
          const result = await measure(browser, `${site.origin}/${variant}/${kind}`, kind);
          results.set(variant, [...(results.get(variant) ?? []), result]);
        }
      }
      console.log(
        `\n${kind === 'app' ? 'Typical app page' : 'Stress page (60,000 cells, 3,000 cell changes/s)'} — median of ${runs}`,
      );
      printTable(results);
    }
  } finally {
    await browser.close();
    await site.close();
    await snag.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Task and script time as ratios to the page without any SDK, and the long tasks seen. */
function printTable(results: Map<string, RunResult[]>): void {
  const stat = (variant: string, pick: (r: RunResult) => number) => median((results.get(variant) ?? []).map(pick));
  const baseTask = stat('none', (r) => r.taskMs);
  const baseScript = stat('none', (r) => r.scriptMs);
  const baseHeap = stat('none', (r) => r.heapBytes);
  console.log(
    '  variant    task ms  vs none   script ms  vs none  added script ms  SDK self ms  long tasks  longest  SDK longest  SDK in LoAFs  heap added',
  );
  for (const variant of variants) {
    const task = stat(variant, (r) => r.taskMs);
    const script = stat(variant, (r) => r.scriptMs);
    const cells = [
      variant.padEnd(8),
      task.toFixed(0).padStart(9),
      `${(task / baseTask).toFixed(2)}x`.padStart(8),
      script.toFixed(0).padStart(11),
      `${(script / baseScript).toFixed(2)}x`.padStart(8),
      (script - baseScript).toFixed(0).padStart(16),
      stat(variant, (r) => r.sdkSelfMs)
        .toFixed(0)
        .padStart(12),
      stat(variant, (r) => r.longTasks)
        .toFixed(0)
        .padStart(11),
      `${stat(variant, (r) => r.maxLongTaskMs).toFixed(0)} ms`.padStart(8),
      `${stat(variant, (r) => r.maxSdkScriptMs).toFixed(0)} ms`.padStart(12),
      `${stat(variant, (r) => r.sdkScriptInLongFramesMs).toFixed(0)} ms`.padStart(13),
      `${((stat(variant, (r) => r.heapBytes) - baseHeap) / 1024 / 1024).toFixed(1)} MB`.padStart(11),
    ];
    console.log(`  ${cells.join(' ')}`);
  }
  for (const variant of variants) {
    const longest = (results.get(variant) ?? []).map((r) => r.longestSdkScript).filter(Boolean);
    if (longest.length > 0) console.log(`  longest SDK script, ${variant}: ${longest.join(' | ')}`);
  }
}

await main();
