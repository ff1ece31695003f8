const MS_PER_S = 1_000;
const MS_PER_MIN = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatCount(value: number): string {
  return value >= 100_000 ? compact.format(value) : integer.format(value);
}

/** 0.1234 → "12.3 %"; null → "—". */
export function formatShare(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(value > 0 && value < 0.001 ? 2 : digits)} %`;
}

/** A relative change: +0.25 → "+25 %". */
export function formatChange(value: number | null): string {
  if (value === null) return 'new';
  const pct = Math.round(value * 100);
  return `${pct > 0 ? '+' : ''}${pct} %`;
}

/** 83_000 → "1:23"; 3_723_000 → "1:02:03" (player clock). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MS_PER_S));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A duration in words: "850 ms", "42 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (ms < MS_PER_S) return `${Math.round(ms)} ms`;
  if (ms < MS_PER_MIN) return `${Math.round(ms / MS_PER_S)} s`;
  if (ms < MS_PER_HOUR) {
    const seconds = Math.round((ms % MS_PER_MIN) / MS_PER_S);
    return `${Math.floor(ms / MS_PER_MIN)} min${seconds ? ` ${seconds} s` : ''}`;
  }
  return `${Math.floor(ms / MS_PER_HOUR)} h ${Math.round((ms % MS_PER_HOUR) / MS_PER_MIN)} min`;
}

export function formatDateTime(iso: string | number): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string | number): string {
  return dateOnly.format(new Date(iso));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(iso: string | number, now = Date.now()): string {
  const ago = now - new Date(iso).getTime();
  if (ago < MS_PER_MIN) return 'just now';
  if (ago < MS_PER_HOUR) return `${Math.floor(ago / MS_PER_MIN)} min ago`;
  if (ago < MS_PER_DAY) return `${Math.floor(ago / MS_PER_HOUR)} h ago`;
  const days = Math.floor(ago / MS_PER_DAY);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** "https://shop.example/checkout?x" → "/checkout"; leaves non-URLs alone. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.hash}`;
  } catch {
    return url;
  }
}
