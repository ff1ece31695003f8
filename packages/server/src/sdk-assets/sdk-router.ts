import { type Response, Router } from 'express';
import { SDK_LATEST_MAX_AGE_S, SDK_VERSIONED_MAX_AGE_S } from '../constants.js';
import { HttpError } from '../http/errors.js';
import { defaultSdkDistDir, type SdkFile, sdkFileLoader } from './sdk-files.js';

/**
 * Serves the browser SDK: `/sdk.js` with a short cache so new releases reach
 * sites within minutes, and content-hashed `/sdk/<file>` (the recorder chunk,
 * a pinnable core) cached forever. Any site may load them, with or without CORS.
 */
export function sdkRouter(distDir: string = defaultSdkDistDir()): Router {
  const load = sdkFileLoader(distDir);
  const router = Router();
  const files = () => {
    const loaded = load();
    if (!loaded) throw new HttpError(404, 'sdk_not_built', 'the browser SDK is not built; run `pnpm build`');
    return loaded;
  };

  router.get('/sdk.js', (req, res) => {
    send(req.headers['if-none-match'], res, files().latest, `public, max-age=${SDK_LATEST_MAX_AGE_S}`);
  });
  router.get('/sdk/:file', (req, res) => {
    const file = files().versioned.get(req.params.file);
    if (!file) throw new HttpError(404, 'not_found', `no SDK file "${req.params.file}"`);
    send(req.headers['if-none-match'], res, file, `public, max-age=${SDK_VERSIONED_MAX_AGE_S}, immutable`);
  });
  return router;
}

function send(ifNoneMatch: string | undefined, res: Response, file: SdkFile, cacheControl: string): void {
  res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', file.etag);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (ifNoneMatch === file.etag) {
    res.status(304).end();
    return;
  }
  res.send(file.body);
}
