import type { Request, RequestHandler, Response } from 'express';
import { HSTS_MAX_AGE_S } from '../constants.js';

/**
 * Marks requests that reached Snag over HTTPS: directly, through a trusted proxy's
 * `X-Forwarded-Proto: https` (Express's `req.secure` with `trust proxy` ≥ 1), or
 * always when the public URL is `https://…` (a TLS proxy that may not forward the
 * scheme). Such responses carry HSTS, and session cookies set on them are `Secure`.
 */
export function httpsOrigin(publicUrl: string | undefined): RequestHandler {
  const publicHttps = publicUrl?.startsWith('https://') ?? false;
  return (req, res, next) => {
    if (publicHttps || req.secure) {
      res.locals.httpsOrigin = true;
      res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_S}`);
    }
    next();
  };
}

/** Whether this request's cookies must be `Secure` (see `httpsOrigin`). */
export function isHttpsOrigin(req: Request, res: Response): boolean {
  return req.secure || res.locals.httpsOrigin === true;
}
