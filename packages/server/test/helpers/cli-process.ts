import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  adminToken: string;
  publicKey: string;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/**
 * Runs `snag serve` (the built CLI) as a real process and waits until it listens.
 * The admin token is the `SNAG_ADMIN_TOKEN` given, else the one printed on a first start
 * (a restart on the same folder does not print it: `''` then).
 */
export function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI_PATH, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`snag serve did not start:\n${output}`)), 60_000);
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const publicKey = /public ingest key:\s+(\S+)/.exec(output)?.[1];
      if (!url || !publicKey || !/ {2}dashboard: /.test(output)) return;
      const adminToken = env.SNAG_ADMIN_TOKEN || /admin token:\s+(snag_admin_\S+)/.exec(output)?.[1] || '';
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({
        child,
        url,
        adminToken,
        publicKey,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`snag serve exited with ${code}:\n${output}`));
    });
  });
}
