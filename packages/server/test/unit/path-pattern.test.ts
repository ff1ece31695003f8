import { describe, expect, it } from 'vitest';
import { pathOf, pathPattern } from '../../src/ingest/path-pattern.js';

describe('pathPattern', () => {
  it.each([
    ['/orders/8812', '/orders/:id'],
    ['/users/3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f/edit', '/users/:id/edit'],
    ['/assets/9f86d081884c7d659a2feaa0c55ad015', '/assets/:id'],
    ['/invite/V1StGXR8_Z5jdHi6B-myT9x', '/invite/:id'],
    ['/products/blue-shoes', '/products/blue-shoes'],
    ['/checkout/step-2', '/checkout/step-2'],
    ['/', '/'],
    ['/a/1/b/2', '/a/:id/b/:id'],
    // Ids the scrubber replaced: a Luhn-valid 16-digit channel id, an email as a user id.
    ['/channels/[card]/messages', '/channels/:id/messages'],
    ['/users/%5Bemail%5D', '/users/:id'],
  ])('%s → %s', (path, pattern) => {
    expect(pathPattern(path)).toBe(pattern);
  });
});

describe('pathOf', () => {
  it('drops the query and trailing slashes, keeps hash routes', () => {
    expect(pathOf('https://shop.example/orders/12/?utm=x')).toBe('/orders/12');
    expect(pathOf('https://app.example/#/settings/7?tab=1')).toBe('/#/settings/7');
    expect(pathOf('https://app.example/docs#section-2')).toBe('/docs');
  });
});
