import { type Hotspot, ROLE_WORDS, SIGNAL_KIND_LABELS } from '@snag/protocol';

/** "Dead click on Pay now (button) · /checkout": the hotspot as a person names it, for subjects and titles. */
export function hotspotHeadline(hotspot: Pick<Hotspot, 'kind' | 'element' | 'path'>): string {
  const kind = SIGNAL_KIND_LABELS[hotspot.kind];
  const element = hotspot.element;
  if (!element) return `${kind} · ${hotspot.path}`;
  const role = element.role ? ` (${ROLE_WORDS[element.role] ?? element.role})` : '';
  const name = element.name ? `${element.name}${role}` : element.text.trim() || element.key;
  return `${kind} on ${name} · ${hotspot.path}`;
}
