import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../http/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Requires `Authorization: Bearer <admin token>`, compared in constant time. */
export function requireAdminToken(adminToken: string): RequestHandler {
  const expected = digest(adminToken);
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="snag"');
    next(
      new HttpError(
        401,
        'unauthorized',
        match ? 'the bearer token is not valid' : 'send the admin token as "Authorization: Bearer <token>"',
      ),
    );
  };
}
