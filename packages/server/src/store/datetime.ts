/** ClickHouse `DateTime64(3, 'UTC')` text for a Unix time in ms. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Unix ms from ClickHouse `DateTime64(3, 'UTC')` text as returned in JSON formats. */
export function parseDateTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}
