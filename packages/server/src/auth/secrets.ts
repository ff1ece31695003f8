import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret with a prefix that says what it is (`snag_pat_…`), 192 bits of entropy. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/** How secrets are stored: a SHA-256 digest, so a read of the store does not hand them out. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
