import { useEffect, useState } from 'react';
import type { AgencyDto } from '@kinga/shared';
import { listAgencies } from '../api/client.ts';

/** Agencies for pickers and filters (first 200 by name); loaded only when `enabled`. */
export function useAgencyOptions(enabled: boolean): AgencyDto[] {
  const [agencies, setAgencies] = useState<AgencyDto[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    listAgencies({ limit: 200, sort: 'name', order: 'asc' })
      .then((page) => {
        if (!cancelled) setAgencies(page.items);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return agencies;
}
