import type { CaseDto } from '@kinga/shared';

/** The tabs of a case page in the order they are shown; each is its own address under /cases/:code. */
export const CASE_TABS = [
  'overview',
  'person',
  'route',
  'screening',
  'consent',
  'services',
  'referrals',
  'notes',
  'attachments',
  'history',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** The address segment of each tab; the overview is the case's own address. */
export const CASE_TAB_PATHS: Record<CaseTab, string> = {
  overview: '',
  person: 'person',
  route: 'route',
  screening: 'screening',
  consent: 'consent',
  services: 'services',
  referrals: 'referrals',
  notes: 'notes',
  attachments: 'attachments',
  history: 'history',
};

/**
 * The tabs this caller may open. Sections the server did not grant are not offered; a
 * de-identified view never offers identity, notes, attachments or history, and consents,
 * referrals, notes, attachments and history belong to the owning agency (full view).
 */
export function visibleTabs(caseDto: Pick<CaseDto, 'view' | 'sections' | 'canRevealIdentity'>): CaseTab[] {
  const full = caseDto.view === 'full';
  const has = (section: CaseDto['sections'][number]) => caseDto.sections.includes(section);
  const shown: Record<CaseTab, boolean> = {
    overview: true,
    person: caseDto.view !== 'deidentified' && caseDto.canRevealIdentity,
    route: has('route'),
    screening: has('screening'),
    consent: full,
    services: has('services'),
    referrals: full,
    notes: full,
    attachments: full,
    history: full,
  };
  return CASE_TABS.filter((tab) => shown[tab]);
}
