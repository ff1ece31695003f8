import { describe, expect, it } from 'vitest';
import { scrubUrl, stripQueriesInText, stripQuery } from '../src/privacy/url.js';

describe('URL privacy', () => {
  it('drops the query string unless a parameter is allow-listed', () => {
    expect(scrubUrl('https://shop.test/cart?token=abc&utm_source=mail#step-2', [])).toBe(
      'https://shop.test/cart#step-2',
    );
    expect(scrubUrl('https://shop.test/cart?token=abc&utm_source=mail', ['utm_source'])).toBe(
      'https://shop.test/cart?utm_source=mail',
    );
  });

  it('drops credentials in the URL', () => {
    expect(scrubUrl('https://user:pass@shop.test/', [])).toBe('https://shop.test/');
  });

  it('strips query and fragment from request URLs, relative ones included', () => {
    expect(stripQuery('/api/orders?id=1#x', 'https://shop.test/cart')).toBe('https://shop.test/api/orders');
  });

  it('strips queries from URLs inside stack traces and keeps line and column', () => {
    const stack = 'Error: x\n    at f (https://shop.test/app.js?v=1&token=t:10:5)\n    at https://shop.test/p?q=1:2:3';
    expect(stripQueriesInText(stack)).toBe(
      'Error: x\n    at f (https://shop.test/app.js:10:5)\n    at https://shop.test/p:2:3',
    );
  });
});
