import { REPLAY_CARRY_MAX_CHARS, STORAGE_PREFIX } from '../constants.js';
import type { ReplayChunk } from '../types.js';
import { chunkBytes } from './replay-buffer.js';

const KEPT_KEY = `${STORAGE_PREFIX}replay_kept`;
const CARRY_KEY = `${STORAGE_PREFIX}replay_buffer`;

interface Carried {
  session: string;
  chunks: ReplayChunk[];
  trimmed: boolean;
}

/** Storage that may be unavailable (private mode, sandboxed iframes, quota): then nothing happens. */
function tryStorage<T>(use: () => T): T | undefined {
  try {
    return use();
  } catch {
    return undefined;
  }
}

/** Whether a trigger already kept this session's replay (on an earlier page view). */
export const isKept = (session: string): boolean => tryStorage(() => localStorage.getItem(KEPT_KEY)) === session;

/** Remembers that this session's replay is kept: its later page views record as `always`. One session at a time. */
export const rememberKept = (session: string) => tryStorage(() => localStorage.setItem(KEPT_KEY, session));

/**
 * Leaves the buffer for the session's next page load (a multi-page site), in sessionStorage:
 * whole segments from the newest back, about REPLAY_CARRY_MAX_CHARS at most; older ones are
 * dropped and the carry says so (`trimmed`).
 */
export function carryBuffer(session: string, chunks: readonly ReplayChunk[], trimmed: boolean): void {
  // The oldest segment start (full snapshot) from which everything newer fits.
  let from = chunks.length;
  let chars = 0;
  for (let index = chunks.length - 1; index >= 0; index--) {
    const chunk = chunks[index] as ReplayChunk;
    chars += chunkBytes(chunk);
    if (chars > REPLAY_CARRY_MAX_CHARS) break;
    if (chunk.full_snapshot) from = index;
  }
  tryStorage(() => {
    sessionStorage.removeItem(CARRY_KEY);
    if (from < chunks.length) {
      const carried: Carried = { session, trimmed: trimmed || from > 0, chunks: chunks.slice(from) };
      sessionStorage.setItem(CARRY_KEY, JSON.stringify(carried));
    }
  });
}

/** Takes what the previous page load of this session left (and forgets it). */
export function takeCarried(session: string): Carried | undefined {
  return tryStorage(() => {
    const raw = sessionStorage.getItem(CARRY_KEY);
    sessionStorage.removeItem(CARRY_KEY);
    const carried = raw ? (JSON.parse(raw) as Carried) : undefined;
    return carried?.session === session && Array.isArray(carried.chunks) ? carried : undefined;
  });
}
