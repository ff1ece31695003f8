import type { PublicQuestion, SignalEvent } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { elementKey, matchesPath, pickQuestion } from '../src/questions/pick-question.js';

const question = (id: string, targeting: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id,
  text: 'Why?',
  type: 'text',
  options: [],
  other: false,
  follow_up: null,
  kinds: [],
  paths: [],
  hotspot: null,
  release: null,
  delay_ms: 0,
  sample_rate: 1,
  ...targeting,
});

const badge = { selector: 'div.badge', tag: 'div', text: 'Free shipping', test_id: 'free-shipping' };
const signal = (kind: SignalEvent['kind'], element = badge): SignalEvent => ({
  id: 'sig',
  t: Date.UTC(2026, 0, 1),
  page_id: 'page',
  url: 'https://shop.example/product/7',
  type: 'signal',
  kind,
  element,
});

describe('which question a struggle gets', () => {
  it('matches path patterns: a plain path, `:name` segments, a trailing `*`', () => {
    expect(matchesPath('/checkout', '/checkout')).toBe(true);
    expect(matchesPath('/checkout', '/checkout/')).toBe(true);
    expect(matchesPath('/checkout', '/checkout/pay')).toBe(false);
    expect(matchesPath('/orders/:id', '/orders/8812')).toBe(true);
    expect(matchesPath('/orders/:id', '/orders/8812/items')).toBe(false);
    expect(matchesPath('/help/*', '/help/shipping/rates')).toBe(true);
    expect(matchesPath('/a.b', '/axb')).toBe(false);
  });

  it('keys an element as the server does: test id, else ARIA label, else selector', () => {
    expect(elementKey(badge)).toBe('[data-testid="free-shipping"]');
    expect(elementKey({ selector: '#x', tag: 'button', aria_label: 'Close' })).toBe('button[aria-label="Close"]');
    expect(elementKey({ selector: '#x', tag: 'button' })).toBe('#x');
  });

  it('picks the first question aimed at the kind, page, hotspot and release', () => {
    const questions = [
      question('dead', { kinds: ['dead_click'] }),
      question('elsewhere', { paths: ['/checkout'] }),
      question('other-release', { release: '2.0' }),
      question('other-element', { hotspot: { path: '/product/:id', element: '#pay' } }),
      question('badge', {
        kinds: ['rage_click'],
        hotspot: { path: '/product/:id', element: '[data-testid="free-shipping"]' },
      }),
      question('any'),
    ];
    expect(pickQuestion(questions, signal('rage_click'), '/product/7', '1.0')?.id).toBe('badge');
    expect(pickQuestion(questions, signal('dead_click'), '/product/7', '1.0')?.id).toBe('dead');
    expect(pickQuestion(questions.slice(0, 4), signal('rage_click'), '/product/7', '1.0')).toBeUndefined();
    expect(pickQuestion(questions.slice(0, 3), signal('rage_click'), '/checkout', '2.0')?.id).toBe('elsewhere');
  });
});
