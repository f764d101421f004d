import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Page as ListPage } from '../api/client.ts';

interface CursorListState<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

/**
 * A list read page by page with the API's cursor. `queryKey` names the filters: when it
 * changes the list starts again from the first page, and answers to older queries are dropped.
 */
export function useCursorList<T>(queryKey: string, fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>) {
  const [state, setState] = useState<CursorListState<T>>({ items: [], nextCursor: null, loading: true, error: null });
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback((cursor: string | undefined, append: boolean) => {
    const current = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null, items: append ? s.items : [] }));
    fetchRef
      .current(cursor)
      .then((page) => {
        if (current !== generation.current) return;
        setState((s) => ({
          items: append ? [...s.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        }));
      })
      .catch((error: unknown) => {
        if (current !== generation.current) return;
        setState((s) => ({ ...s, loading: false, error }));
      });
  }, []);

  useEffect(() => {
    load(undefined, false);
  }, [queryKey, load]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) load(state.nextCursor, true);
  }, [state.nextCursor, load]);

  return { ...state, loadMore };
}
