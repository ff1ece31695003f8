import type { Hotspot } from '@snag/protocol';
import { STRUGGLE_LEAD_IN_MS } from './constants';

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, `${value}`);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function hotspotLink(project: string, hotspot: Pick<Hotspot, 'path' | 'kind' | 'element'>, from?: string) {
  return withQuery(`/p/${project}/hotspot`, {
    path: hotspot.path,
    kind: hotspot.kind,
    element: hotspot.element?.key,
    from,
  });
}

/** The replay of a session, starting `t` ms after the session start. */
export function replayLink(project: string, session: string, t?: number) {
  return withQuery(`/p/${project}/sessions/${encodeURIComponent(session)}`, {
    t: t === undefined ? undefined : Math.max(0, Math.round(t)),
  });
}

/** The replay, a little before a struggle that happened `offset` ms into the session. */
export function struggleLink(project: string, session: string, offset: number) {
  return replayLink(project, session, Math.max(0, offset - STRUGGLE_LEAD_IN_MS));
}

export function sessionsLink(project: string, filters: Record<string, string | undefined>) {
  return withQuery(`/p/${project}/sessions`, filters);
}

export function heatmapLink(project: string, path: string, from?: string) {
  return withQuery(`/p/${project}/heatmap`, { path, from });
}

/** A new question, targeted at a hotspot's page, element and kind. */
export function askHereLink(project: string, hotspot: Pick<Hotspot, 'path' | 'kind' | 'element'>) {
  return withQuery(`/p/${project}/questions/new`, {
    path: hotspot.path,
    kind: hotspot.kind,
    element: hotspot.element?.key,
  });
}
