import type { PublicQuestion } from '@snag/protocol';
import { WIDGET_CSS } from './widget-css.js';
import type { WidgetStrings } from './widget-strings.js';

/** What the widget needs of a question. */
export type WidgetQuestion = Pick<PublicQuestion, 'id' | 'text' | 'type' | 'options' | 'other' | 'follow_up'>;

/** An answer as the person gave it: a choice (an option or `@other`), a rating and/or text. */
export interface WidgetAnswer {
  choice?: string;
  rating?: number;
  text?: string;
}

export interface WidgetHandlers {
  answer(answer: WidgetAnswer): void;
  dismiss(): void;
}

export interface WidgetView {
  /** The panel, to be placed (it is `position: absolute` in a viewport-sized host). */
  panel: HTMLElement;
  /** Moves the keyboard into the widget (its first control). */
  focus(): void;
  remove(): void;
}

const OTHER = '@other';
const TEXT_MAX = 1000;

type Child = Node | string | null | undefined | false;

/** A small element factory: attributes (`on…` functions become listeners) and children. */
function h(tag: string, attributes: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value as EventListener);
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * Renders a question in `host`'s shadow root: the question, its options (or 1–5, or a text
 * field), an optional follow-up field, a close button, and a polite live region announcing
 * it. Esc dismisses. Nothing of the page's CSS reaches in and nothing of its own leaks out.
 */
export function renderWidget(
  host: HTMLElement,
  question: WidgetQuestion,
  strings: WidgetStrings,
  on: WidgetHandlers,
  dark: boolean,
): WidgetView {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } else root.append(h('style', {}, WIDGET_CSS));

  const titleId = `snag-q-${question.id}`;
  const body = h('div');
  const live = h('div', { role: 'status', 'aria-live': 'polite', class: 'v' });
  const panel = h(
    'section',
    { class: dark ? 'p d' : 'p', role: 'dialog', 'aria-labelledby': titleId },
    h('span', { class: 'v' }, `${strings.title}: `),
    h('h2', { id: titleId }, question.text),
    h('button', { type: 'button', class: 'x', 'aria-label': strings.close, onclick: on.dismiss }, '×'),
    body,
  );
  panel.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    event.stopPropagation();
    on.dismiss();
  });
  root.append(panel, live);

  /** A text field, and a Send button that answers with `base` plus what was written. */
  const textStep = (label: string, base: WidgetAnswer, required: boolean) => {
    const id = `${titleId}-t`;
    const field = h('textarea', { id, maxlength: TEXT_MAX, rows: 3 }) as HTMLTextAreaElement;
    const send = () => {
      const text = field.value.trim();
      if (required && !text) return field.focus();
      on.answer(text ? { ...base, text } : base);
    };
    body.replaceChildren(
      h('label', { for: id }, label),
      field,
      h('button', { type: 'button', class: 's', onclick: send }, strings.send),
    );
    field.focus();
  };
  const picked = (answer: WidgetAnswer) =>
    question.follow_up ? textStep(question.follow_up, answer, false) : on.answer(answer);

  if (question.type === 'choice') {
    const options = question.options.map((option) =>
      h('button', { type: 'button', onclick: () => picked({ choice: option }) }, option),
    );
    if (question.other) {
      options.push(
        h(
          'button',
          { type: 'button', onclick: () => textStep(strings.otherLabel, { choice: OTHER }, true) },
          strings.other,
        ),
      );
    }
    body.append(h('div', { class: 'o', role: 'group', 'aria-labelledby': titleId }, ...options));
  } else if (question.type === 'rating') {
    const scale = [1, 2, 3, 4, 5].map((rating) =>
      h(
        'button',
        {
          type: 'button',
          'aria-label': strings.rating.replace('{n}', String(rating)),
          onclick: () => picked({ rating }),
        },
        String(rating),
      ),
    );
    body.append(
      h('div', { class: 'r', role: 'group', 'aria-labelledby': titleId }, ...scale),
      h('div', { class: 'e', 'aria-hidden': 'true' }, h('span', {}, strings.low), h('span', {}, strings.high)),
    );
  } else {
    const id = `${titleId}-t`;
    const field = h('textarea', { id, maxlength: TEXT_MAX, rows: 3, 'aria-labelledby': titleId });
    const send = () => {
      const text = (field as HTMLTextAreaElement).value.trim();
      if (text) on.answer({ text });
      else field.focus();
    };
    body.append(field, h('button', { type: 'button', class: 's', onclick: send }, strings.send));
  }
  // Announced once it is in the page, so screen readers notice the change.
  setTimeout(() => {
    live.textContent = `${strings.title}: ${question.text}`;
  }, 50);

  return {
    panel,
    focus: () => (body.querySelector('button,textarea') as HTMLElement | null)?.focus(),
    remove: () => host.remove(),
  };
}

/** The thank-you line that replaces the question once answered. */
export function showThanks(view: WidgetView, strings: WidgetStrings): void {
  const body = view.panel.lastElementChild as HTMLElement;
  body.replaceChildren(h('p', { role: 'status' }, strings.thanks));
}
