import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, startServeProcess } from './helpers/cli-process.js';
import { makeDataDir } from './helpers/test-store.js';

const run = promisify(execFile);
const dataDir = makeDataDir();
const serveDir = makeDataDir();
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(serveDir, { recursive: true, force: true });
});

const snagIn = (folder: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [CLI_PATH, ...args], { env: { PATH: process.env.PATH ?? '', SNAG_DATA_DIR: folder, ...env } });
const snag = (...args: string[]) => snagIn(dataDir, {}, ...args);

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

  it('admin-token says there is none before the first start', async () => {
    await expect(snagIn(serveDir, {}, 'admin-token')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no admin token yet'),
    });
    expect((await snagIn(serveDir, { SNAG_ADMIN_TOKEN: 'from-the-environment-123' }, 'admin-token')).stdout).toBe(
      'from-the-environment-123\n',
    );
  });

  it('serve prints the admin token on the first start only; admin-token prints it later', async () => {
    const first = await startServeProcess({ SNAG_DATA_DIR: serveDir });
    await first.stop();
    expect(first.adminToken).toMatch(/^snag_admin_[\w-]{32}$/);
    expect(first.output()).toContain('shown once; `snag admin-token` prints it again');

    const second = await startServeProcess({ SNAG_DATA_DIR: serveDir });
    const whileServing = snagIn(serveDir, {}, 'admin-token');
    await expect(whileServing).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('is in use') });
    await second.stop();
    expect(second.output()).not.toContain(first.adminToken);
    expect(second.output()).toMatch(/admin token: +kept in the store; print it with `snag admin-token`/);
    expect((await snagIn(serveDir, {}, 'admin-token')).stdout).toBe(`${first.adminToken}\n`);

    const fromEnv = await startServeProcess({ SNAG_DATA_DIR: serveDir, SNAG_ADMIN_TOKEN: 'from-the-environment-123' });
    await fromEnv.stop();
    expect(fromEnv.output()).not.toContain('from-the-environment-123');
    expect(fromEnv.output()).toMatch(/admin token: +set by SNAG_ADMIN_TOKEN/);
  });

  it('serve prints the address it bound and the public URL for the links', async () => {
    const local = await startServeProcess({
      SNAG_DATA_DIR: serveDir,
      HOST: '127.0.0.1',
      SNAG_PUBLIC_URL: 'https://snag.example.com/',
    });
    await local.stop();
    expect(local.output()).toMatch(/^Snag is listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(local.output()).toContain('dashboard:           https://snag.example.com/ (sign in');
    expect(local.output()).not.toContain('WARNING');
  });
});
