import { useEffect, useState } from 'react';
import type { UserDto } from '@kinga/shared';
import { listUsers } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';

/**
 * The active users of one agency, to pick attendees and owners from. Null while loading,
 * when no agency is chosen, or when the caller may not list users (then names are typed):
 * the request is not even sent without `user:read`, since every refusal is audited.
 */
export function useAgencyPeople(agencyId: string): { people: UserDto[] | null; available: boolean } {
  const { can } = useSession();
  const available = can('user:read');
  const [loaded, setLoaded] = useState<{ agencyId: string; people: UserDto[] | null } | null>(null);

  useEffect(() => {
    if (!available || !agencyId) return;
    let cancelled = false;
    listUsers({ agencyId, status: 'active', sort: 'name', order: 'asc', limit: 200 })
      .then((page) => {
        if (!cancelled) setLoaded({ agencyId, people: page.items });
      })
      .catch(() => {
        if (!cancelled) setLoaded({ agencyId, people: null });
      });
    return () => {
      cancelled = true;
    };
  }, [agencyId, available]);

  const people = loaded?.agencyId === agencyId ? loaded.people : null;
  return { people, available: available && (loaded?.agencyId !== agencyId || people !== null) };
}
