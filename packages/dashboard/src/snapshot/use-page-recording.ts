import type { ReplayDocument, SessionsResponse } from '@snag/protocol';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import { findPageRecording, type PageRecording } from './page-recording';

/** Recent sessions tried, one replay at a time, until one holds a recorded snapshot of the page. */
const SESSIONS_TRIED = 5;

/** A recorded snapshot of a page: the most recent session (on the device, when given) that has one. */
export function usePageRecording(project: string, path: string, from: string, device: string) {
  return useQuery({
    queryKey: ['page-recording', project, path, from, device],
    enabled: path !== '',
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }): Promise<PageRecording | null> => {
      const found = await apiGet<SessionsResponse>(
        `/projects/${project}/sessions`,
        { path, from, device, sort: 'recent', limit: SESSIONS_TRIED },
        signal,
      );
      for (const session of found.sessions) {
        const replay = await apiGet<ReplayDocument>(
          `/projects/${project}/sessions/${encodeURIComponent(session.id)}/replay`,
          {},
          signal,
        );
        const recording = findPageRecording(replay.events, path);
        if (recording) return recording;
      }
      return null;
    },
  });
}

/** The page a session was on at a moment (ms after its start), as recorded. */
export function useSessionMoment(project: string, session: string | undefined, offsetMs: number) {
  return useQuery({
    queryKey: ['session-moment', project, session, offsetMs],
    enabled: session !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }): Promise<PageRecording | null> => {
      const replay = await apiGet<ReplayDocument>(
        `/projects/${project}/sessions/${encodeURIComponent(session ?? '')}/replay`,
        {},
        signal,
      );
      return findPageRecording(replay.events, null, Date.parse(replay.start) + offsetMs);
    },
  });
}
