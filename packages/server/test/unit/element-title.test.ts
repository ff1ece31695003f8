import type { FrictionReport } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { elementTitle } from '../../src/report/element-title.js';
import { renderCsv, renderMarkdown } from '../../src/report/render-report.js';

const element = (name: string | null, role: string | null) => ({
  key: '[data-testid="postal"]',
  selector: '[data-testid="postal"]',
  tag: 'input',
  text: '',
  name,
  role,
});

function report(hotspotElement: ReturnType<typeof element>): FrictionReport {
  const hotspot = {
    rank: 1,
    path: '/checkout',
    kind: 'form_struggle',
    element: hotspotElement,
    impact: 3,
    occurrences: 2,
    sessions: 2,
    users: 2,
    page_sessions: 4,
    affected_share: 0.5,
    abandoned_sessions: 1,
    abandonment: 0.5,
    first_seen: '2026-03-01T00:00:00.000Z',
    last_seen: '2026-03-01T01:00:00.000Z',
    trend: { previous_sessions: 0, previous_occurrences: 0, change: null },
    examples: [],
    explanation: [
      {
        kind: 'what',
        text: '2 of 4 visitors of /checkout struggled with “Postal code” 2 times.',
        links: [{ text: '2 of 4 visitors', sessions: { path: '/checkout', kind: 'form_struggle' } }],
      },
    ],
  };
  const totals = { sessions: 4, struggling_sessions: 2, struggle_share: 0.5, signals: 2 };
  return {
    project: 'shop',
    from: '',
    to: '',
    tz: 'UTC',
    totals,
    hotspots: [hotspot],
    trend: [],
  } as unknown as FrictionReport;
}

describe('element titles', () => {
  it('read as the name and the role in words people use', () => {
    expect(elementTitle(element('Postal code', 'textbox'))).toBe('Postal code (text field)');
    expect(elementTitle(element('Pay now', 'button'))).toBe('Pay now (button)');
    expect(elementTitle(element('Country', 'combobox'))).toBe('Country (dropdown)');
    expect(elementTitle(element('Tree', 'treeitem'))).toBe('Tree (treeitem)');
    expect(elementTitle(element('Postal code', null))).toBe('Postal code');
    expect(elementTitle(element(null, 'textbox'))).toBe('');
  });

  it('are what the Markdown and CSV exports show, with the key beside them', () => {
    const named = report(element('Postal code', 'textbox'));
    expect(renderMarkdown(named)).toContain('| 1 | /checkout | Postal code (text field) · [data-testid="postal"] |');
    const [header, row] = renderCsv(named).trim().split('\r\n');
    expect(header?.endsWith(',replay,element_title,explanation')).toBe(true);
    expect(
      row?.endsWith(',Postal code (text field),2 of 4 visitors of /checkout struggled with “Postal code” 2 times.'),
    ).toBe(true);
  });

  it('come with the hotspot’s sentences in the Markdown export', () => {
    expect(renderMarkdown(report(element('Postal code', 'textbox')))).toContain(
      '1. **Postal code (text field) · [data-testid="postal"]** on /checkout: 2 of 4 visitors of /checkout struggled with “Postal code” 2 times.',
    );
  });

  it('fall back to the key when the SDK sent no name', () => {
    const unnamed = report(element(null, null));
    expect(renderMarkdown(unnamed)).toContain('| [data-testid="postal"] ([data-testid="postal"]) |');
    expect(renderCsv(unnamed).trim().split('\r\n')[1]).toContain(',,2 of 4 visitors');
  });
});
