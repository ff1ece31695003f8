import type { Hotspot, HotspotElement, Sentence, SentenceLink, SessionsFilter } from '@snag/protocol';

export type ExplainedFigures = Omit<Hotspot, 'explanation'>;

/** A sentence whose figures are linked: `parts` alternate plain text and `[text, sessions]` links. */
export function sentence(kind: Sentence['kind'], ...parts: Array<string | [string, SessionsFilter]>): Sentence {
  const links: SentenceLink[] = [];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      links.push({ text: part[0], sessions: part[1] });
      return part[0];
    })
    .join('');
  return { kind, text, links };
}

/** A duration as people read it: "2.5 s", "850 ms". */
export function seconds(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${(Math.round(ms / 100) / 10).toLocaleString('en-US')} s`;
}

/** A part of a whole as a whole percentage: "83 %". */
export function share(part: number, whole: number): string {
  return `${whole > 0 ? Math.round((part / whole) * 100) : 0} %`;
}

/** The element as a person sees it: its accessible name, else its text, else its key, quoted. */
export function subjectOf(element: HotspotElement | null): string {
  if (!element) return 'the page';
  const label = element.name || element.text.trim() || element.key;
  return `“${label.length > 60 ? `${label.slice(0, 59)}…` : label}”`;
}
