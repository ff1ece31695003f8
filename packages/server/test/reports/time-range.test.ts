import { describe, expect, test } from 'vitest';
import { parseTimeValue, resolveRange } from '../../src/analytics/time-range.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('parseTimeValue', () => {
  test.each([
    ['now', NOW],
    ['-30m', NOW - 30 * 60_000],
    ['-12h', NOW - 12 * 3_600_000],
    ['-7d', NOW - 7 * 86_400_000],
    ['-2w', NOW - 14 * 86_400_000],
    ['2026-03-01', Date.parse('2026-03-01T00:00:00Z')],
    ['2026-03-01T10:00', Date.parse('2026-03-01T10:00:00Z')],
    ['2026-03-01T10:00:00Z', Date.parse('2026-03-01T10:00:00Z')],
    ['2026-03-01T10:00:00.250+02:00', Date.parse('2026-03-01T08:00:00.250Z')],
  ])('%s', (value, expected) => {
    expect(parseTimeValue(value, NOW)).toBe(expected);
  });

  test.each(['yesterday', '7d', '-7y', '2026-02-30T25:00', '01/03/2026', '', '-'])('%s is refused', (value) => {
    expect(parseTimeValue(value, NOW)).toBeUndefined();
  });
});

describe('resolveRange', () => {
  test('defaults to the span before now', () => {
    expect(resolveRange({}, 7 * 86_400_000, NOW)).toEqual({ from: NOW - 7 * 86_400_000, to: NOW });
    expect(resolveRange({ to: '-1d' }, 86_400_000, NOW)).toEqual({ from: NOW - 2 * 86_400_000, to: NOW - 86_400_000 });
  });

  test('refuses empty, reversed and over-long ranges', () => {
    expect(resolveRange({ from: 'now', to: 'now' }, 1, NOW)).toBe('from must be before to');
    expect(resolveRange({ from: '2026-03-02', to: '2026-03-01' }, 1, NOW)).toBe('from must be before to');
    expect(resolveRange({ from: '-500d' }, 1, NOW)).toMatch(/at most 400 days/);
  });
});
