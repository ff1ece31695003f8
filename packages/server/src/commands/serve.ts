import type { Config } from '../config.js';
import { startServer } from '../index.js';
import { serveBanner } from './serve-banner.js';

/** `snag serve`: listen until SIGINT / SIGTERM, then finish writes and close. */
export async function serve(config: Config): Promise<number> {
  const server = await startServer(config);
  console.log(serveBanner(server, config));
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`${signal} received: finishing writes and shutting down`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  console.log('Snag stopped');
  return 0;
}
