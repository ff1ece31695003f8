import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_PATH = fileURLToPath(new URL('./chdb-http-server.ts', import.meta.url));

export interface ChdbHttpProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** SIGKILL: the store vanishes mid-request, as when its machine dies. */
  kill(): Promise<void>;
}

/** Starts `chdb-http-server.ts` on the data dir (and port, to come back where it was) and waits until it listens. */
export function startChdbHttp(dataDir: string, port = 0): Promise<ChdbHttpProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_PATH, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chdb-http-server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      resolve({
        child,
        url: match[1],
        port: Number(match[2]),
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chdb-http-server exited with ${code}:\n${output}`));
    });
  });
}
