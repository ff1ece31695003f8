import type { Hotspot } from '@snag/protocol';
import { elementTitle } from '../../lib/element-names';

/**
 * What a person would call the element: its accessible name and role ("Postal code (text field)"),
 * else its visible text, else its key; the page for page-level kinds.
 */
export function hotspotName(hotspot: Pick<Hotspot, 'element' | 'path'>): string {
  if (!hotspot.element) return 'The whole page';
  const text = hotspot.element.text.trim();
  return elementTitle(hotspot.element) || (text ? `“${text}” ${hotspot.element.tag}` : hotspot.element.key);
}

export function HotspotTitle({ hotspot }: { hotspot: Pick<Hotspot, 'element' | 'path'> }) {
  const named = hotspot.element ? hotspotName(hotspot) !== hotspot.element.key : false;
  return (
    <span className="hotspot-title">
      <span className="hotspot-name">{hotspotName(hotspot)}</span>
      <span className="hotspot-where">
        on <code>{hotspot.path}</code>
        {named && hotspot.element ? (
          <>
            {' · '}
            <code>{hotspot.element.key}</code>
          </>
        ) : null}
      </span>
    </span>
  );
}
