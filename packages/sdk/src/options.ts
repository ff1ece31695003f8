import { resolveThresholds } from './detect/thresholds.js';
import type { ResolvedOptions, SnagOptions } from './types.js';

/**
 * The defaults: everything on, everything masked, nothing required of the user.
 * The script tag parses each `data-*` attribute by the type of its default.
 */
export const OPTION_DEFAULTS = {
  sampleRate: 1,
  replay: true,
  replaySampleRate: 1,
  maskAllInputs: true,
  maskTextSelector: '',
  blockSelector: '',
  allowQueryParams: [] as string[],
  respectDoNotTrack: false,
  requireConsent: false,
  captureNetwork: true,
  captureErrors: true,
  /** Questions at the struggle: `data-questions="false"` turns them off (in code: `questions: false`, or an object). */
  questions: true as boolean | object,
};

type Defaulted = keyof typeof OPTION_DEFAULTS;

export function resolveOptions(options: SnagOptions): ResolvedOptions {
  const resolved = {
    ...options,
    endpoint: (options.endpoint ?? location.origin).replace(/\/+$/, ''),
    detect: resolveThresholds(options.detect),
  } as ResolvedOptions;
  const filled = resolved as Record<string, unknown>;
  for (const name in OPTION_DEFAULTS) filled[name] ??= OPTION_DEFAULTS[name as Defaulted];
  for (const name of ['sampleRate', 'replaySampleRate'] as const) {
    const value = resolved[name];
    if (!(typeof value === 'number' && value >= 0 && value <= 1)) resolved[name] = 1;
  }
  return resolved;
}

/**
 * Script-tag options: `data-sample-rate="0.5"`, `data-replay="false"` or `"on-struggle"`, `data-allow-query-params="a,b"`,
 * `data-detect` as `false` or JSON, anything else as written. The endpoint defaults to the script's origin.
 */
export function optionsFromDataset(data: DOMStringMap, src: string): SnagOptions & { debug?: boolean } {
  const options: Record<string, unknown> = { endpoint: src ? new URL(src).origin : undefined };
  for (const [name, value = ''] of Object.entries(data)) {
    const fallback: unknown = name === 'debug' ? false : OPTION_DEFAULTS[name as Defaulted];
    if (name === 'detect') options.detect = detectOption(value);
    // A word other than true / false is kept as written: `data-replay="on-struggle"`.
    else if (typeof fallback === 'boolean') options[name] = value === 'false' ? false : value.length < 5 || value;
    else if (typeof fallback === 'number') options[name] = Number(value);
    else if (Array.isArray(fallback))
      options[name] = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    else options[name] = value;
  }
  return options as unknown as SnagOptions;
}

function detectOption(value: string): SnagOptions['detect'] {
  try {
    return value === 'false' ? false : value ? JSON.parse(value) : undefined;
  } catch {
    return undefined;
  }
}
