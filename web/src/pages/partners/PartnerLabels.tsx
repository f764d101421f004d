import { AGENCY_TYPES } from '@kinga/shared/picklists';
import type { PartnerDto } from '@kinga/shared';
import type { Translate } from '../../i18n/i18n.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

/** An agency type's label; the code itself for a type this version does not know. */
export function agencyTypeLabel(t: Translate, type: string): string {
  const known = AGENCY_TYPES.find((a) => a === type);
  return known ? t(`agencyType.${known}`) : type;
}

/** Memberships of the coordination bodies as badges: "Steering committee: Chair". */
export function MembershipBadges({ memberships }: { memberships: PartnerDto['memberships'] }) {
  const t = useT();
  if (memberships.length === 0) return null;
  return (
    <span className="badge-row">
      {memberships.map((m) => (
        <span key={m.body} className="badge badge-kind">
          {t('partners.membership', {
            body: vocabLabel(t, 'coordinationBody', m.body),
            role: vocabLabel(t, 'membershipRole', m.role),
          })}
        </span>
      ))}
    </span>
  );
}
