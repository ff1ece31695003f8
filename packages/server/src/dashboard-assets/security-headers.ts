import type { RequestHandler } from 'express';

/**
 * The dashboard renders recorded pages, which are untrusted. Its own scripts come
 * only from its origin (no inline script, no eval); recordings are rebuilt in
 * iframes sandboxed without `allow-scripts`. A replay's stylesheets, fonts and images
 * are Snag's kept copies on this origin (the replay stream rewrites their URLs), so
 * nothing may load from anywhere else: a URL the rewrite missed is blocked here rather
 * than telling the recorded site who is watching. rrweb writes inline styles, hence
 * 'unsafe-inline' for styles. Nobody may frame the dashboard.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function dashboardSecurityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  };
}
