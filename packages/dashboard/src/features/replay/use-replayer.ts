import type { RecordedEvent } from '@snag/protocol';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { type eventWithTime, Replayer } from 'rrweb';

export const SPEEDS = [1, 2, 4, 8] as const;

export interface PlayerState {
  ready: boolean;
  playing: boolean;
  /** Position on the recording's clock, ms from its first frame. */
  time: number;
  totalMs: number;
  speed: number;
  skipInactive: boolean;
  /** The recorded viewport, for scaling the page into the player. */
  viewport: { width: number; height: number };
}

export interface PlayerControls {
  play(): void;
  pause(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  setSkipInactive(skip: boolean): void;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

/**
 * rrweb's Replayer mounted in `mount`, paused at `startAt`. The recorded page is
 * rebuilt in rrweb's iframe, which rrweb forces to `sandbox="allow-same-origin"`:
 * nothing recorded can run script.
 */
export function useReplayer(
  mount: RefObject<HTMLDivElement | null>,
  events: RecordedEvent[] | undefined,
  startAt: number,
): [PlayerState, PlayerControls] {
  const replayer = useRef<Replayer | null>(null);
  const [state, setState] = useState<PlayerState>({
    ready: false,
    playing: false,
    time: 0,
    totalMs: 0,
    speed: 1,
    skipInactive: true,
    viewport: DEFAULT_VIEWPORT,
  });
  const playing = useRef(false);
  const startRef = useRef(startAt);
  startRef.current = startAt;

  useEffect(() => {
    const root = mount.current;
    if (!root || !events || events.length < 2) return;
    const instance = new Replayer(events as unknown as eventWithTime[], {
      root,
      skipInactive: true,
      mouseTail: false,
      showWarning: false,
      triggerFocus: false,
      insertStyleRules: ['html, body { cursor: default !important; }'],
    });
    replayer.current = instance;
    instance.iframe.title = 'Recorded page';
    instance.on('resize', (dimension) => {
      const { width, height } = dimension as { width: number; height: number };
      setState((previous) => ({ ...previous, viewport: { width, height } }));
    });
    instance.on('finish', () => {
      playing.current = false;
      setState((previous) => ({ ...previous, playing: false }));
    });
    playing.current = false;
    instance.pause(startRef.current);
    const meta = instance.getMetaData();
    setState((previous) => ({
      ...previous,
      ready: true,
      playing: false,
      time: instance.getCurrentTime(),
      totalMs: meta.totalTime,
    }));
    return () => {
      instance.destroy();
      replayer.current = null;
      root.replaceChildren();
    };
  }, [mount, events]);

  // While playing, follow rrweb's clock once per frame.
  useEffect(() => {
    if (!state.playing) return;
    let frame = requestAnimationFrame(function tick() {
      const current = replayer.current;
      if (current) setState((previous) => ({ ...previous, time: current.getCurrentTime() }));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [state.playing]);

  const play = useCallback(() => {
    const current = replayer.current;
    if (!current) return;
    const { totalTime } = current.getMetaData();
    const at = current.getCurrentTime();
    current.play(at >= totalTime ? 0 : at);
    playing.current = true;
    setState((previous) => ({ ...previous, playing: true }));
  }, []);

  const pause = useCallback(() => {
    const current = replayer.current;
    if (!current) return;
    current.pause();
    playing.current = false;
    setState((previous) => ({ ...previous, playing: false, time: current.getCurrentTime() }));
  }, []);

  const seek = useCallback((time: number) => {
    const current = replayer.current;
    if (!current) return;
    const clamped = Math.max(0, Math.min(time, current.getMetaData().totalTime));
    if (playing.current) current.play(clamped);
    else current.pause(clamped);
    setState((previous) => ({ ...previous, time: clamped }));
  }, []);

  const setSpeed = useCallback((speed: number) => {
    replayer.current?.setConfig({ speed });
    setState((previous) => ({ ...previous, speed }));
  }, []);

  const setSkipInactive = useCallback((skipInactive: boolean) => {
    replayer.current?.setConfig({ skipInactive });
    setState((previous) => ({ ...previous, skipInactive }));
  }, []);

  return [state, { play, pause, seek, setSpeed, setSkipInactive }];
}
