import { MAX_PROPERTIES, MAX_PROPERTY_VALUE_LENGTH } from '@snag/protocol/limits';
import { describe, expect, it } from 'vitest';
import { cleanProperties } from '../src/capture/properties.js';

describe('custom properties', () => {
  it('keeps flat scalars and drops nesting, functions and non-finite numbers', () => {
    expect(cleanProperties({ a: 'x', b: 2, c: true, d: null, e: { nested: 1 }, f: () => 1, g: Number.NaN })).toEqual({
      a: 'x',
      b: 2,
      c: true,
      d: null,
    });
  });

  it('caps the count and the length of string values', () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, 'v'.repeat(1_000)]));
    const cleaned = cleanProperties(many) ?? {};
    expect(Object.keys(cleaned)).toHaveLength(MAX_PROPERTIES);
    expect(cleaned.k0).toHaveLength(MAX_PROPERTY_VALUE_LENGTH);
  });

  it('returns undefined when nothing is left', () => {
    expect(cleanProperties(undefined)).toBeUndefined();
    expect(cleanProperties({ nested: {} })).toBeUndefined();
  });
});
