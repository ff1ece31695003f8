import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from './helpers/cli-process.js';
import { makeDataDir } from './helpers/test-store.js';

const run = promisify(execFile);
const dataDir = makeDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const snag = (...args: string[]) =>
  run(process.execPath, [CLI_PATH, ...args], { env: { PATH: process.env.PATH ?? '', SNAG_DATA_DIR: dataDir } });

describe('snag CLI', () => {
  it('migrate applies the schema once, then reports it up to date', async () => {
    expect((await snag('migrate')).stdout).toContain('applied: 0001_init');
    expect((await snag('migrate')).stdout).toContain('schema is up to date');
  });

  it('projects create prints a new project id and its public key', async () => {
    const { stdout } = await snag('projects', 'create', 'Checkout App');
    expect(stdout).toMatch(/^project: checkout-app\npublic key: pk_[A-Za-z0-9_-]{24}\n$/);
    const again = await snag('projects', 'create', 'Checkout App');
    expect(again.stdout).toMatch(/^project: checkout-app-[0-9a-f]{6}\n/);
  });

  it('people delete erases a person and says how many sessions went', async () => {
    const { stdout } = await snag('people', 'delete', 'nobody-here', '--project', 'default');
    expect(stdout).toBe('deleted 0 session(s) of "nobody-here" in project default\n');
  });

  it('prints usage for an unknown command and exits 1', async () => {
    await expect(snag('frobnicate')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Usage: snag') });
  });
});
