import type { RequestHandler } from 'express';

/**
 * What every API, ingest and share response carries: JSON is data, never a page, so
 * nothing in it may load, run or be framed, and browsers must not guess another type.
 * The dashboard router replaces the CSP on its own pages with the dashboard's
 * (`dashboard-assets/security-headers.ts`).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function apiSecurityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  };
}
