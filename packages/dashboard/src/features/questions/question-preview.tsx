import { DEFAULT_WIDGET_STRINGS, renderWidget, showThanks, type WidgetAnswer } from '@snag/sdk/widget';
import { useEffect, useRef, useState } from 'react';
import { Segmented } from '../../components/fields';
import type { QuestionBody } from './question-draft';

const SCHEMES = [
  { value: 'light', label: 'Light page' },
  { value: 'dark', label: 'Dark page' },
];
/** How long the preview shows its thank-you line before asking again. */
const THANKS_MS = 1_800;

/**
 * The widget as people will see it, drawn by the SDK's own widget code (`@snag/sdk/widget`)
 * in its shadow root, redrawn as the question is edited. Answering it only shows what
 * would be sent; nothing is stored.
 */
export function QuestionPreview({ question }: { question: QuestionBody }) {
  const frame = useRef<HTMLDivElement>(null);
  const [scheme, setScheme] = useState('light');
  const [sent, setSent] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` redraws the widget after an answer or a dismissal
  useEffect(() => {
    const container = frame.current;
    if (!container) return;
    const host = document.createElement('div');
    host.dataset.testid = 'widget-preview-host';
    container.append(host);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      timer = setTimeout(() => setRound((value) => value + 1), THANKS_MS);
    };
    const view = renderWidget(
      host,
      { id: 'preview', ...question },
      DEFAULT_WIDGET_STRINGS,
      {
        answer: (answer) => {
          setSent(describe(answer));
          showThanks(view, DEFAULT_WIDGET_STRINGS);
          again();
        },
        dismiss: () => {
          setSent('dismissed');
          view.remove();
          again();
        },
      },
      scheme === 'dark',
    );
    view.panel.style.right = '16px';
    view.panel.style.bottom = '16px';
    return () => {
      clearTimeout(timer);
      host.remove();
    };
  }, [question, scheme, round]);

  return (
    <section className="card question-preview" aria-labelledby="preview-heading">
      <div className="card-header">
        <h2 id="preview-heading">Preview</h2>
        <Segmented label="Page colours" value={scheme} options={SCHEMES} onChange={setScheme} />
      </div>
      <div ref={frame} className={`widget-frame widget-frame-${scheme}`} data-testid="widget-preview">
        <div className="widget-frame-page" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </div>
      <p className="muted preview-note" role="status">
        {sent ? `Would send: ${sent}` : 'Try it: answer or press Esc. Nothing is stored.'}
      </p>
    </section>
  );
}

function describe(answer: WidgetAnswer): string {
  const parts = [
    answer.choice === '@other' ? 'Other' : answer.choice,
    answer.rating === undefined ? undefined : `${answer.rating} / 5`,
    answer.text ? `“${answer.text}”` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}
