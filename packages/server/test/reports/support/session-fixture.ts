import { type EventRow, eventRow, type SessionContext } from '../../../../../bench/generate/rows.js';

export interface FixtureElement {
  selector: string;
  tag: string;
  text: string;
  test_id: string;
  /** The accessible name and role the SDK sends (`element.name` in the event, `element_role`). */
  name?: string;
  role?: string;
}

export const PAY: FixtureElement = { selector: '#checkout > button.pay', tag: 'button', text: 'Pay', test_id: 'pay' };
export const BUY: FixtureElement = { selector: '#buy', tag: 'button', text: 'Buy', test_id: '' };

interface Page {
  id: string;
  url: string;
  path: string;
  pattern: string;
}

/** Builds one session's event rows by hand, for tests whose expected figures are worked out on paper. */
export class SessionFixture {
  readonly rows: EventRow[] = [];
  private page: Page | undefined;
  private counter = 0;
  private readonly context: SessionContext;

  constructor(
    project: string,
    readonly id: string,
    options: Partial<Omit<SessionContext, 'project_id' | 'session_id'>> = {},
  ) {
    this.context = {
      project_id: project,
      session_id: id,
      anonymous_id: options.anonymous_id ?? `anon-${id}`,
      user_id: options.user_id ?? '',
      release: options.release ?? '1.0.0',
      browser: options.browser ?? 'Chrome',
      os: options.os ?? 'Windows',
      device: options.device ?? 'desktop',
    };
  }

  visit(t: number, path: string, pattern = path, navigation = 'navigate'): this {
    this.page = { id: this.nextId(), url: `https://acme.example${path}`, path, pattern };
    return this.push(t, 'page', { navigation, viewport_width: 1000, viewport_height: 800 });
  }

  click(
    t: number,
    element: FixtureElement,
    position: { x: number; y: number; width: number } = { x: 0, y: 0, width: 0 },
  ) {
    return this.push(t, 'click', {
      ...elementColumns(element),
      x: position.x,
      y: position.y,
      page_width: position.width,
    });
  }

  signal(t: number, kind: string, element?: FixtureElement, details?: Record<string, unknown>): this {
    // The payload as the SDK sends it, so the session API shows the signal's kind as it would.
    const data = {
      kind,
      ...(element?.name ? { element: { name: element.name } } : {}),
      ...(details ? { details } : {}),
    };
    return this.push(t, 'signal', { signal_kind: kind, ...(element ? elementColumns(element) : {}) }, data);
  }

  request(t: number, url: string, status: number): this {
    return this.push(t, 'network', { message: url, status, duration_ms: 120 });
  }

  scroll(t: number, depth: number, pageHeight: number, reversals = 0): this {
    return this.push(t, 'scroll', { scroll_depth: depth, page_height: pageHeight, scroll_reversals: reversals });
  }

  error(t: number, message = 'TypeError: x is undefined'): this {
    return this.push(t, 'error', { name: 'error', message });
  }

  private push(t: number, type: string, columns: EventRow, data?: object): this {
    if (!this.page) throw new Error('visit a page first');
    this.rows.push(
      eventRow(this.context, this.page, { id: this.nextId(), type, t, columns, ...(data ? { data } : {}) }),
    );
    return this;
  }

  private nextId(): string {
    return `${this.id}-${this.counter++}`;
  }
}

function elementColumns(element: FixtureElement): EventRow {
  return {
    element_selector: element.selector,
    element_tag: element.tag,
    element_text: element.text,
    element_test_id: element.test_id,
    ...(element.role ? { element_role: element.role } : {}),
  };
}
