import type { Hotspot } from '@snag/protocol';

/** Something a rule found, before it is deduplicated and sent. */
export interface Finding {
  /** Same key within `window_ms` of a previous alert of the rule: not sent again. */
  dedupe_key: string;
  window_ms: number;
  /** One line: what happened ("New hotspot on /checkout: “Pay now” (button)"). */
  title: string;
  /** Why the rule fired, with its figures, in one or two sentences. */
  reason: string;
  figures: Record<string, number | string>;
  /** The hotspot it is about, with its explanation and example sessions; none for page-wide rules. */
  hotspot?: Hotspot;
}

/** A hotspot's identity in dedupe keys and mutes. */
export const hotspotKey = (hotspot: { path: string; element: { key: string } | null; kind: string }) =>
  `${hotspot.path}\u001f${hotspot.element?.key ?? ''}\u001f${hotspot.kind}`;
