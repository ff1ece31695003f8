/** Every word the question widget shows; `init({ questions: { strings } })` overrides any of them. */
export interface WidgetStrings {
  /** Announced before the question and naming the dialog. */
  title: string;
  close: string;
  send: string;
  other: string;
  /** Label of the "other" text field. */
  otherLabel: string;
  thanks: string;
  /** Ends of the 1–5 scale. */
  low: string;
  high: string;
  /** A rating's spoken name; `{n}` is the number. */
  rating: string;
}

export const DEFAULT_WIDGET_STRINGS: WidgetStrings = {
  title: 'Quick question',
  close: 'Close',
  send: 'Send',
  other: 'Other',
  otherLabel: 'Tell us more',
  thanks: 'Thank you!',
  low: 'Very hard',
  high: 'Very easy',
  rating: '{n} of 5',
};
