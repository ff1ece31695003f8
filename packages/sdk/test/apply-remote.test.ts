import { type RemoteRecording, selectorProblem } from '@snag/protocol';
import { describe, expect, it } from 'vitest';
import { applyRemote, sessionUnit } from '../src/recorder/apply-remote.js';
import type { RecorderConfig } from '../src/types.js';

/** The recorder's options as the core passes them (the callbacks play no part in the merge). */
const code = (over: Partial<RecorderConfig> = {}): RecorderConfig => ({
  replay: true,
  replaySampleRate: 1,
  maskAllInputs: true,
  endpoint: 'https://snag.example',
  key: 'pk_test',
  session: 'session-1',
  maskTextSelector: '[data-snag-mask]',
  blockSelector: '[data-snag-block]',
  ignoreSelector: '[data-snag-ignore]',
  scrubUrl: (url) => url,
  onChunk: () => undefined,
  onNotice: () => undefined,
  ...over,
});

const remote = (over: Partial<RemoteRecording> = {}): RemoteRecording => ({
  replay: 'always',
  replay_sample_rate: 1,
  triggers: ['rage_click', 'error'],
  replay_buffer_ms: 60_000,
  mask_selectors: [],
  block_selectors: [],
  ...over,
});

/** What a browser's `querySelector` would accept, for a test without a DOM. */
const parses = (selector: string) => selectorProblem(selector) === undefined;
const merge = (config: RecorderConfig) => applyRemote(config, parses);

describe('applyRemote: the project’s recording settings under the code’s', () => {
  it('changes nothing without settings (server unreachable) or with a malformed answer', () => {
    const config = code();
    expect(merge(config)).toBe(config);
    const garbled = merge(code({ remote: { replay: 'sometimes', mask_selectors: 'x' } as unknown as RemoteRecording }));
    expect(garbled).toMatchObject({ replay: 'always', maskTextSelector: '[data-snag-mask]' });
  });

  it('takes the stricter replay mode of the two: off < on-struggle < always', () => {
    const cases: Array<[RecorderConfig['replay'], RemoteRecording['replay'], unknown]> = [
      [true, 'on-struggle', 'on-struggle'],
      ['always', 'off', false],
      ['on-struggle', 'always', 'on-struggle'],
      [false, 'always', false],
      [true, 'always', 'always'],
    ];
    for (const [own, project, merged] of cases) {
      expect(merge(code({ replay: own, remote: remote({ replay: project }) })).replay).toBe(merged);
    }
  });

  it('adds the project’s mask and block selectors to the code’s, dropping those the browser cannot parse', () => {
    const merged = merge(
      code({
        remote: remote({ mask_selectors: ['.account-name', 'div{'], block_selectors: ['iframe.chat'] }),
      }),
    );
    expect(merged.maskTextSelector).toBe('[data-snag-mask], .account-name');
    expect(merged.blockSelector).toBe('[data-snag-block], iframe.chat');
    expect(merge(code({ maskTextSelector: '', remote: remote({ mask_selectors: ['#card'] }) })).maskTextSelector).toBe(
      '#card',
    );
  });

  it('applies a lower project sample rate per session, so that the share recorded is the project’s', () => {
    const sessions = Array.from({ length: 20_000 }, (_, index) => `session-${index.toString(36)}-${index * 7919}`);
    // The core already kept these sessions at the code's rate of 0.5; the project asks for 0.2 overall.
    const kept = sessions.filter(
      (session) =>
        merge(code({ session, replaySampleRate: 0.5, remote: remote({ replay_sample_rate: 0.2 }) })).replay !== false,
    );
    expect(kept.length / sessions.length).toBeGreaterThan(0.4 - 0.02);
    expect(kept.length / sessions.length).toBeLessThan(0.4 + 0.02);
    // The same session decides the same way on every page.
    for (const session of sessions.slice(0, 50)) {
      const once = merge(code({ session, replaySampleRate: 0.5, remote: remote({ replay_sample_rate: 0.2 }) }));
      const again = merge(code({ session, replaySampleRate: 0.5, remote: remote({ replay_sample_rate: 0.2 }) }));
      expect(again.replay).toBe(once.replay);
    }
  });

  it('never raises the code’s sample rate, and never turns replay back on', () => {
    const higher = merge(code({ session: 'any', replaySampleRate: 0.1, remote: remote({ replay_sample_rate: 1 }) }));
    expect(higher).toMatchObject({ replay: 'always', replaySampleRate: 0.1 });
    expect(merge(code({ replay: false, remote: remote({ replay: 'always' }) })).replay).toBe(false);
  });

  it('takes the pre-roll and triggers from the project unless the code set them', () => {
    expect(merge(code({ remote: remote({ replay_buffer_ms: 90_000 }) }))).toMatchObject({
      replayBufferMs: 90_000,
      replayTriggers: ['rage_click', 'error'],
    });
    expect(
      merge(
        code({ replayBufferMs: 30_000, replayTriggers: ['dead_click'], remote: remote({ replay_buffer_ms: 90_000 }) }),
      ),
    ).toMatchObject({ replayBufferMs: 30_000, replayTriggers: ['dead_click'] });
  });

  it('spreads sessions evenly', () => {
    const units = Array.from({ length: 10_000 }, (_, index) => sessionUnit(`s${index}`));
    expect(units.every((unit) => unit >= 0 && unit < 1)).toBe(true);
    expect(units.filter((unit) => unit < 0.5).length / units.length).toBeCloseTo(0.5, 1);
  });
});
