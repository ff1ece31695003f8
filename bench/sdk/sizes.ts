import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PeerAssets } from './peers.js';

const require = createRequire(import.meta.url);
const gzip9 = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Minified + gzip -9 of what each SDK makes a browser download, the way the SDK issue measures it. */
export function bundleSizes(peers: PeerAssets): Array<{ name: string; bytes: number }> {
  const snagDist = join(dirname(require.resolve('@snag/sdk/package.json')), 'dist');
  const manifest = JSON.parse(readFileSync(join(snagDist, 'manifest.json'), 'utf8')) as {
    recorder: string;
    detectors: string;
  };
  const snagCore = gzip9(readFileSync(join(snagDist, 'snag.js')));
  const snagDetectors = gzip9(readFileSync(join(snagDist, manifest.detectors)));
  const snagRecorder = gzip9(readFileSync(join(snagDist, manifest.recorder)));
  const peer = (name: string) => gzip9(peers.files.get(name) ?? Buffer.alloc(0));
  return [
    { name: 'Snag loader + core (snag.js)', bytes: snagCore },
    { name: 'Snag core + detectors chunk (every page)', bytes: snagCore + snagDetectors },
    { name: 'Snag core + detectors + recorder', bytes: snagCore + snagDetectors + snagRecorder },
    { name: 'posthog-js core (array.js)', bytes: peer('posthog.js') },
    {
      name: 'posthog-js core + recorder (array.js + posthog-recorder.js)',
      bytes: peer('posthog.js') + peer('posthog-recorder.js'),
    },
    { name: 'posthog-js full bundle (array.full.js)', bytes: peer('posthog-full.js') },
    { name: 'Sentry browser + replay (esbuild, minified)', bytes: peer('sentry.js') },
  ];
}
