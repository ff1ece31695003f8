import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

export type Variant = 'none' | 'snag' | 'rrweb' | 'posthog' | 'sentry';
export const VARIANTS: Variant[] = ['none', 'snag', 'rrweb', 'posthog', 'sentry'];

export interface PeerAssets {
  /** Files the static server serves under /assets/. */
  files: Map<string, Buffer>;
}

/**
 * posthog-js's own script-tag bundles, Sentry browser + Replay bundled the way its CDN bundle is, and
 * raw rrweb: the @rrweb/record build Snag's recorder starts from, as published (UMD).
 */
export async function buildPeerAssets(): Promise<PeerAssets> {
  const posthogDist = join(dirname(require.resolve('posthog-js/package.json')), 'dist');
  const files = new Map<string, Buffer>();
  files.set('posthog.js', readFileSync(join(posthogDist, 'array.js')));
  files.set('posthog-full.js', readFileSync(join(posthogDist, 'array.full.js')));
  for (const name of ['posthog-recorder.js', 'recorder.js', 'lazy-recorder.js']) {
    files.set(name, readFileSync(join(posthogDist, name)));
  }
  const sdkRequire = createRequire(require.resolve('@snag/sdk/package.json'));
  files.set('rrweb-record.js', readFileSync(join(dirname(sdkRequire.resolve('@rrweb/record')), 'record.umd.min.cjs')));
  const out = join(mkdtempSync(join(tmpdir(), 'snag-bench-')), 'sentry.js');
  await build({
    stdin: {
      contents: `import { init, replayIntegration } from '@sentry/browser'; window.Sentry = { init, replayIntegration };`,
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: out,
    logLevel: 'silent',
  });
  files.set('sentry.js', readFileSync(out));
  return { files };
}

/** What each variant puts in the page's <head>; every SDK records with inputs masked. */
export function headFor(variant: Variant, snagUrl: string, origin: string): string {
  switch (variant) {
    case 'none':
      return '';
    case 'snag':
      return `<script async src="${snagUrl}/sdk.js" data-key="pk_bench_key_123"></script>`;
    case 'rrweb':
      // Raw rrweb keeps its events in memory: no compression, no upload.
      return `<script src="/assets/rrweb-record.js"></script><script>window.__rrwebEvents = [];
rrwebRecord.record({ emit(event) { window.__rrwebEvents.push(event); }, maskAllInputs: true, checkoutEveryNms: 180000 });</script>`;
    case 'posthog':
      return `<script src="/assets/posthog-full.js"></script><script>
posthog.init('phc_bench', { api_host: '${origin}/ph', autocapture: true, capture_pageview: true,
  disable_surveys: true, session_recording: { maskAllInputs: true } });</script>`;
    case 'sentry':
      return `<script src="/assets/sentry.js"></script><script>
Sentry.init({ dsn: '${origin.replace('//', '//public@')}/1', integrations: [Sentry.replayIntegration({ maskAllText: false, maskAllInputs: true })],
  replaysSessionSampleRate: 1.0, replaysOnErrorSampleRate: 1.0 });</script>`;
  }
}
