import { useEffect, useState } from 'react';
import type { MeetingPersonDto } from '@kinga/shared';
import { listMeetingPeople } from '../../api/coordination.ts';
import { useSession } from '../../session/session.tsx';

/**
 * The active people of one agency, by name, to pick attendees and owners from. Null while
 * loading, when no agency is chosen, or when the caller may not manage meetings (then names
 * are typed): the request is not even sent without `plan:manage`, since every refusal is
 * audited.
 */
export function useAgencyPeople(agencyId: string): { people: MeetingPersonDto[] | null; available: boolean } {
  const { can } = useSession();
  const available = can('plan:manage');
  const [loaded, setLoaded] = useState<{ agencyId: string; people: MeetingPersonDto[] | null } | null>(null);

  useEffect(() => {
    if (!available || !agencyId) return;
    let cancelled = false;
    listMeetingPeople(agencyId)
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
