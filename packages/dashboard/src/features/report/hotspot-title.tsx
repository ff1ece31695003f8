import type { Hotspot } from '@snag/protocol';

/** What a person would call the element: its visible text, else its label or selector; the page for page-level kinds. */
export function hotspotName(hotspot: Pick<Hotspot, 'element' | 'path'>): string {
  if (!hotspot.element) return 'The whole page';
  const text = hotspot.element.text.trim();
  return text ? `“${text}” ${hotspot.element.tag}` : hotspot.element.key;
}

export function HotspotTitle({ hotspot }: { hotspot: Pick<Hotspot, 'element' | 'path'> }) {
  return (
    <span className="hotspot-title">
      <span className="hotspot-name">{hotspotName(hotspot)}</span>
      <span className="hotspot-where">
        on <code>{hotspot.path}</code>
        {hotspot.element?.text.trim() ? (
          <>
            {' · '}
            <code>{hotspot.element.key}</code>
          </>
        ) : null}
      </span>
    </span>
  );
}
