import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ParamPatch<K extends string> = Partial<Record<K, string | undefined>>;

/**
 * A screen's filters, kept in the URL's query string so that any view can be
 * shared or bookmarked. Values equal to their default are left out of the URL.
 */
export function useUrlParams<K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
): [Record<K, string>, (patch: ParamPatch<K>, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? defaults[key] ?? ''])) as Record<K, string>,
    [params, keys, defaults],
  );
  const update = useCallback(
    (patch: ParamPatch<K>, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch) as Array<[K, string | undefined]>) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams, defaults],
  );
  return [values, update];
}
