import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../src/http/errors.js';
import { silentLogger } from '../src/observability/logger.js';
import { sdkRouter } from '../src/sdk-assets/sdk-router.js';

function distWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'snag-sdk-dist-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

function appFor(dir: string) {
  const app = express();
  app.use(sdkRouter(dir));
  app.use(errorHandler(silentLogger));
  return app;
}

describe('sdk router', () => {
  const dir = distWith({
    'manifest.json': JSON.stringify({
      core: 'snag.abc.js',
      recorder: 'snag-recorder.def.js',
      detectors: 'snag-detectors.ghi.js',
    }),
    'snag.js': 'core();',
    'snag.abc.js': 'core();',
    'snag-recorder.def.js': 'recorder();',
    'snag-detectors.ghi.js': 'detectors();',
  });

  it('serves /sdk.js with a short cache and open CORS', async () => {
    const res = await request(appFor(dir)).get('/sdk.js').expect(200);
    expect(res.text).toBe('core();');
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serves the detectors chunk the core loads as it starts', async () => {
    const res = await request(appFor(dir)).get('/sdk/snag-detectors.ghi.js').expect(200);
    expect(res.text).toBe('detectors();');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves hashed files immutable and answers 304 to a matching ETag', async () => {
    const app = appFor(dir);
    const res = await request(app).get('/sdk/snag-recorder.def.js').expect(200);
    expect(res.text).toBe('recorder();');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await request(app)
      .get('/sdk/snag-recorder.def.js')
      .set('If-None-Match', res.headers.etag as string)
      .expect(304);
  });

  it('refuses files outside the manifest', async () => {
    const res = await request(appFor(dir)).get('/sdk/manifest.json').expect(404);
    expect(res.body.error).toBe('not_found');
  });

  it('says so when the SDK is not built', async () => {
    const res = await request(appFor(distWith({})))
      .get('/sdk.js')
      .expect(404);
    expect(res.body.error).toBe('sdk_not_built');
  });
});
