import type { AssetKind } from './replay-asset-walker.js';

type KeptKind = Exclude<AssetKind, 'other'>;

/** Media types fetched for each kind: CSS, fonts and images only, never a page or a script. */
export const ACCEPTED_TYPES: Record<KeptKind, readonly string[]> = {
  stylesheet: ['text/css', 'text/plain', 'application/octet-stream', ''],
  font: [
    'font/',
    'application/font-',
    'application/x-font-',
    'application/vnd.ms-fontobject',
    'application/octet-stream',
    'binary/octet-stream',
    '',
  ],
  image: ['image/', 'application/octet-stream', ''],
};

/** The type a kept body is served with: what was sent when it fits the kind, else the kind's neutral type. */
export function servedType(kind: KeptKind, sent: string): string {
  if (kind === 'stylesheet') return 'text/css; charset=utf-8';
  if (kind === 'image' && sent.startsWith('image/')) return sent;
  if (kind === 'font' && (sent.startsWith('font/') || sent.startsWith('application/'))) return sent;
  return 'application/octet-stream';
}
