import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The value if it is one of the allowed ones; for reading enum filters from the address. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/**
 * List filters kept in the address, so a filtered list can be bookmarked and Back works.
 * Empty values remove their parameter.
 */
export function useSearchParamsUpdater() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { params, update, clear };
}
