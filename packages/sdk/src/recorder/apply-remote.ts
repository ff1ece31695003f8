import type { RemoteRecording } from '@snag/protocol';
import type { RecorderConfig } from '../types.js';

/** Replay modes from the most private to the least: the stricter of the code's and the project's applies. */
const MODES = ['off', 'on-struggle', 'always'] as const;
type Mode = (typeof MODES)[number];

/** Whether this browser can match with `selector` (one it cannot parse matches nothing, so dropping it loses nothing). */
function parsesHere(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** A number in [0, 1) from a session id (FNV-1a): the same session decides the same way in every tab and page. */
export function sessionUnit(session: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < session.length; index++) hash = Math.imul(hash ^ session.charCodeAt(index), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

function modeOf(replay: RecorderConfig['replay']): Mode {
  return replay === false ? 'off' : replay === 'on-struggle' ? 'on-struggle' : 'always';
}

/**
 * Merges the project's recording settings (from the dashboard, via `/v1/config.js`) into the
 * options the code passed. The code's settings win, except that the project's can only make
 * recording more private, never less:
 * - replay mode: the stricter of the two (off < on-struggle < always);
 * - replay sample rate: a lower project rate keeps a session's replay only when a hash of its
 *   id falls under project ÷ code, so with the core's own draw at the code's rate the share of
 *   recorded sessions is the project's; the same session decides the same way on every page;
 * - mask and block selectors: the project's are added to the code's (each one the browser
 *   cannot parse is dropped: it could not match anything);
 * - pre-roll and triggers: the project's apply where the code set none.
 * A missing or malformed answer changes nothing: the code's settings, or the defaults, apply.
 */
export function applyRemote(
  config: RecorderConfig,
  parses: (selector: string) => boolean = parsesHere,
): RecorderConfig {
  const remote = config.remote as Partial<RemoteRecording> | undefined;
  if (!remote || typeof remote !== 'object') return config;
  const merged = { ...config };
  const code = modeOf(config.replay);
  const project = MODES.includes(remote.replay as Mode) ? (remote.replay as Mode) : code;
  const mode = MODES[Math.min(MODES.indexOf(code), MODES.indexOf(project))] as Mode;
  merged.replay = mode === 'off' ? false : mode;

  const codeRate = config.replaySampleRate ?? 1;
  const rate = remote.replay_sample_rate;
  if (typeof rate === 'number' && rate >= 0 && rate < codeRate) {
    merged.replaySampleRate = rate;
    if (sessionUnit(config.session) >= rate / codeRate) merged.replay = false;
  }

  const add = (own: string, extra: unknown) =>
    [own, ...(Array.isArray(extra) ? extra : []).filter((one) => typeof one === 'string' && one.trim() && parses(one))]
      .filter(Boolean)
      .join(', ');
  merged.maskTextSelector = add(config.maskTextSelector, remote.mask_selectors);
  merged.blockSelector = add(config.blockSelector, remote.block_selectors);

  if (config.replayBufferMs === undefined && Number.isInteger(remote.replay_buffer_ms)) {
    merged.replayBufferMs = remote.replay_buffer_ms;
  }
  if (config.replayTriggers === undefined && Array.isArray(remote.triggers)) {
    merged.replayTriggers = remote.triggers.filter((trigger) => typeof trigger === 'string');
  }
  return merged;
}
