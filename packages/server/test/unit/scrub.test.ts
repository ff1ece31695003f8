import { describe, expect, it } from 'vitest';
import { scrubDeep, scrubText } from '../../src/ingest/scrub.js';

describe('scrubText', () => {
  it.each([
    ['Invalid email jane.doe+shop@example.co.uk', 'Invalid email [email]'],
    ['https://shop.example/reset?email=jane%40example.com&step=2', 'https://shop.example/reset?email=[email]&step=2'],
    ['https://api.example/v1/me?access_token=abc.def-123&x=1', 'https://api.example/v1/me?access_token=[redacted]&x=1'],
    ['https://app.example/cb#id_token=xyz&state=ok', 'https://app.example/cb#id_token=[redacted]&state=ok'],
    ['card 4242 4242 4242 4242 declined', 'card [card] declined'],
    ['card 4111-1111-1111-1111', 'card [card]'],
    ['paid with 4111111111111111.', 'paid with [card].'],
    ['amex 3782 822463 10005 refused', 'amex [card] refused'],
    ['4111 1111 1111 1111 123', '[card] 123'],
    ['Authorization: Bearer sk_live_51HcQkLmNoPq', 'Authorization: Bearer [redacted]'],
    [
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U expired',
      'token [jwt] expired',
    ],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('keeps ordinary text, order numbers and digit runs that are not cards', () => {
    for (const text of [
      'https://shop.example/orders/8812',
      'Order 1234567890123 not found',
      'TypeError: Cannot read properties of undefined',
      'https://shop.example/search?q=shoes&page=2',
      // Luhn-valid digits across a UUID's last two groups (9577857756522352): an id, not a card.
      '59ee5184-dfc0-4d1b-9577-857756522352',
      'https://shop.example/orders/59ee5184-dfc0-4d1b-9577-857756522352/items',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
  });

  it('scrubs nested strings without changing the input', () => {
    const input = { a: ['mail me: a@b.io'], b: { c: 'ok', d: 3 } };
    expect(scrubDeep(input)).toEqual({ a: ['mail me: [email]'], b: { c: 'ok', d: 3 } });
    expect(input.a[0]).toBe('mail me: a@b.io');
  });
});
