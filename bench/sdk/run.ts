// SDK benchmark: prints bundle sizes and main-thread cost of Snag, posthog-js and
// Sentry Replay relative to the same page without any SDK. Usage: pnpm bench:sdk [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '@snag/server';
import { chromium } from 'playwright-core';
import { measure, type RunResult } from './measure.js';
import type { PageKind } from './pages.js';
import { buildPeerAssets, VARIANTS } from './peers.js';
import { bundleSizes } from './sizes.js';
import { startStaticServer } from './static-server.js';

const runs = Number(process.argv[2] ?? 3);
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
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    for (const kind of PAGES) {
      const results = new Map<string, RunResult[]>();
      for (let run = 0; run < runs; run++) {
        // Interleaved so that drift in the machine's load hits every variant alike.
        for (const variant of VARIANTS) {
          const result = await measure(browser, `${site.origin}/${variant}/${kind}`, kind);
          results.set(variant, [...(results.get(variant) ?? []), result]);
        }
      }
      const baseline = median((results.get('none') ?? []).map((r) => r.taskMs));
      console.log(
        `\n${kind === 'app' ? 'Typical app page' : 'Stress page (10,000 rows, 500 cell changes/s)'} — median of ${runs}`,
      );
      console.log('  variant   task ms   vs none   added ms   script ms   long tasks   longest');
      for (const variant of VARIANTS) {
        const list = results.get(variant) ?? [];
        const task = median(list.map((r) => r.taskMs));
        console.log(
          `  ${variant.padEnd(8)} ${task.toFixed(0).padStart(8)} ${(task / baseline).toFixed(2).padStart(8)}x ${(task - baseline).toFixed(0).padStart(9)} ${median(
            list.map((r) => r.scriptMs),
          )
            .toFixed(0)
            .padStart(10)} ${median(list.map((r) => r.longTasks))
            .toFixed(0)
            .padStart(11)} ${median(list.map((r) => r.maxLongTaskMs))
            .toFixed(0)
            .padStart(8)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
    await site.close();
    await snag.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
