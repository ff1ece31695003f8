import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors.js';
import type { TimeRange } from './time-range.js';

export interface SharedReport {
  project: string;
  range: TimeRange;
  tz: string;
  expiresAt: number;
}

/**
 * Share tokens are `payload.signature`: the payload (project, absolute range,
 * tz, expiry) in base64url JSON, signed with HMAC-SHA256 under a key derived
 * from the admin token. Nothing is stored; rotating the admin token revokes
 * every link at once.
 */
export class ShareSigner {
  private readonly key: Buffer;

  constructor(adminToken: string) {
    this.key = createHmac('sha256', adminToken).update('snag:report-share:v1').digest();
  }

  sign(report: SharedReport): string {
    const payload = Buffer.from(
      JSON.stringify({
        p: report.project,
        f: report.range.from,
        t: report.range.to,
        z: report.tz,
        x: report.expiresAt,
      }),
    ).toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  /** The report a token opens, or a 403 for a forged, damaged or expired one. */
  verify(token: string, now = Date.now()): SharedReport {
    const [payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(403, 'invalid_share_link', 'this share link is not valid');
    }
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      p: string;
      f: number;
      t: number;
      z: string;
      x: number;
    };
    if (data.x <= now) throw new HttpError(403, 'share_link_expired', 'this share link has expired');
    return { project: data.p, range: { from: data.f, to: data.t }, tz: data.z, expiresAt: data.x };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
