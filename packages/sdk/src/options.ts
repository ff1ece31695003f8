import { resolveThresholds } from './detect/thresholds.js';
import type { ResolvedOptions, SnagOptions } from './types.js';

/** Fills in the defaults: everything on, everything masked, nothing required of the user. */
export function resolveOptions(options: SnagOptions): ResolvedOptions {
  const endpoint = (options.endpoint ?? location.origin).replace(/\/+$/, '');
  return {
    key: options.key,
    endpoint,
    sampleRate: rate(options.sampleRate),
    replay: options.replay ?? true,
    replaySampleRate: rate(options.replaySampleRate),
    recorderUrl: options.recorderUrl,
    release: options.release,
    maskAllInputs: options.maskAllInputs ?? true,
    maskTextSelector: options.maskTextSelector ?? '',
    blockSelector: options.blockSelector ?? '',
    allowQueryParams: options.allowQueryParams ?? [],
    respectDoNotTrack: options.respectDoNotTrack ?? false,
    requireConsent: options.requireConsent ?? false,
    captureNetwork: options.captureNetwork ?? true,
    captureErrors: options.captureErrors ?? true,
    detect: resolveThresholds(options.detect),
    beforeSend: options.beforeSend,
  };
}

function rate(value: number | undefined): number {
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : 1;
}
