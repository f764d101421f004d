import {
  caseInputSchema,
  consentInputSchema,
  REFERRAL_STATUSES,
  referralInputSchema,
  screeningInputSchema,
  serviceInputSchema,
  suggestTraffickingStatus,
} from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_CASE_STAFF, generateDemoCases, type DemoCaseScenario } from './demo-cases.ts';
import { mulberry32 } from './demo-random.ts';
import { DEMO_USERS } from './demo.seed.ts';

const NOW = new Date('2026-03-15T09:30:00Z');
const AN_ID = '0190a0a0-0000-7000-8000-000000000000';
const cases = generateDemoCases({ now: NOW });
const registered = cases.filter((c) => !c.draft);

const share = (list: readonly DemoCaseScenario[], test: (c: DemoCaseScenario) => boolean) =>
  list.filter(test).length / list.length;
const exploitation = (c: DemoCaseScenario) => c.intake.events?.find((e) => e.type === 'Exploitation');
const recruitment = (c: DemoCaseScenario) => c.intake.events?.find((e) => e.type === 'Recruitment');

/** Demo accounts by e-mail, with the agency key each belongs to. */
const STAFF = new Map<string, { agency: string; supervisor: boolean }>(
  [...DEMO_USERS, ...DEMO_CASE_STAFF].map((u) => [
    u.email,
    { agency: u.agency, supervisor: u.roles.includes('case_supervisor') },
  ]),
);

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('demo case generator', () => {
  it('is deterministic for a seed and a day, and another seed gives other people', () => {
    expect(generateDemoCases({ now: NOW })).toEqual(cases);
    // Another hour of the same day changes nothing.
    expect(generateDemoCases({ now: new Date('2026-03-15T22:00:00Z') })).toEqual(cases);
    const other = generateDemoCases({ now: NOW, seed: 99 });
    expect(other.map((c) => c.intake.identity?.lastName)).not.toEqual(cases.map((c) => c.intake.identity?.lastName));
  });

  it('makes about 300 cases over the last two and a half years, in registration order, all in the past', () => {
    expect(cases).toHaveLength(300);
    const opened = cases.map((c) => c.openedAt);
    expect([...opened].sort()).toEqual(opened);
    expect(opened[0]! < '2023-10-01').toBe(true);
    expect(opened[0]! > '2023-09-01').toBe(true);
    const stamps = cases.flatMap((c) => [
      c.openedAt,
      ...c.consents.flatMap((x) => [x.recordedAt, x.withdrawal?.at]),
      c.screening?.screenedAt,
      c.screening?.determination?.decidedAt,
      ...c.services.map((s) => s.createdAt),
      ...c.referrals.flatMap((r) => [r.createdAt, r.approval?.at, r.answer?.at, r.end?.at]),
      ...c.notes.map((n) => n.at),
      c.followUp?.at,
      c.closure?.requestedAt,
      c.closure?.approval?.at,
    ]);
    for (const t of stamps) if (t) expect(t < '2026-03-15T00:00:00.000Z', t).toBe(true);
  });

  it('gives valid intakes, screenings, consents, services and referrals', () => {
    for (const c of cases) {
      expect(caseInputSchema.safeParse(c.intake).success, `case ${c.index}`).toBe(true);
      if (c.screening) expect(screeningInputSchema.safeParse(c.screening.input).success).toBe(true);
      for (const consent of c.consents) {
        const input = { ...consent, agencyId: consent.agency ? AN_ID : null };
        expect(consentInputSchema.safeParse(input).success, `case ${c.index} consent`).toBe(true);
      }
      for (const s of c.services) {
        expect(serviceInputSchema.safeParse({ ...s, providerAgencyId: null }).success).toBe(true);
        if (s.startDate && s.endDate) expect(s.endDate >= s.startDate).toBe(true);
      }
      for (const r of c.referrals) {
        const input = { ...r, toAgencyId: AN_ID, consentOverrideReason: r.consentOverrideReason ?? undefined };
        expect(referralInputSchema.safeParse(input).success, `case ${c.index} referral`).toBe(true);
      }
    }
  });

  it('looks like the country of the brief: Kenyans in the Gulf and Lebanon, internal flows to Nairobi and Mombasa, foreign victims', () => {
    const abroad = new Set(registered.map((c) => exploitation(c)?.country));
    for (const country of ['SA', 'AE', 'QA', 'OM', 'LB']) expect(abroad).toContain(country);
    const internal = (county: number) =>
      registered.filter(
        (c) =>
          exploitation(c)?.country === 'KE' &&
          exploitation(c)?.countyCode === county &&
          recruitment(c)?.country === 'KE' &&
          recruitment(c)?.countyCode !== county,
      ).length;
    expect(internal(47)).toBeGreaterThan(30);
    expect(internal(1)).toBeGreaterThan(10);
    for (const c of registered.filter((x) => x.pattern === 'internal_domestic' || x.pattern === 'internal_sexual')) {
      expect(recruitment(c)?.countyCode).not.toBe(exploitation(c)?.countyCode);
    }
    const rural = new Set(registered.map((c) => recruitment(c)?.countyCode));
    for (const county of [3, 2, 37, 39, 45, 44, 23, 40, 43, 41]) expect(rural).toContain(county);
    const citizenships = new Set(registered.map((c) => c.intake.profile?.citizenships?.[0]));
    for (const country of ['KE', 'ET', 'SO', 'UG', 'BI']) expect(citizenships).toContain(country);
    expect(share(registered, (c) => c.intake.profile?.citizenships?.[0] === 'KE')).toBeGreaterThan(0.6);
  });

  it('has about 30% children and mostly recruiters from the family or among friends', () => {
    expect(share(cases, (c) => c.child)).toBeGreaterThan(0.25);
    expect(share(cases, (c) => c.child)).toBeLessThan(0.4);
    const methods = registered.map((c) => c.intake.victim?.recruitmentMethods?.[0]);
    const closeCircle = methods.filter(
      (m) => m === 'ThroughFamilyOrFamilyEvents' || m === 'ThroughFriendsOrSocialEvents',
    ).length;
    expect(closeCircle / methods.length).toBeGreaterThan(0.6);
    const online = registered.filter((c) => c.intake.victim?.recruitmentMethods?.[0] === 'ThroughOnlineSocialNetworks');
    expect(online.length).toBeGreaterThan(10);
    for (const c of online) expect(c.intake.victim?.recruitmentWebsites?.length).toBeGreaterThan(0);
    const apps = new Set(online.flatMap((c) => c.intake.victim?.recruitmentWebsites ?? []));
    for (const app of ['WhatsApp', 'Facebook', 'TikTok'] as const) expect(apps).toContain(app);
  });

  it('codes each pattern the HTCDS way', () => {
    for (const c of registered) {
      const v = c.intake.victim;
      switch (c.pattern) {
        case 'gulf_domestic':
          expect(v?.exploitationTypes).toEqual(['ForcedLabour']);
          if (c.intake.profile?.gender === 'Feminine')
            expect(v?.labourIndustry).toBe('T_ActivitiesOfHouseholdsAsEmployers');
          break;
        case 'internal_sexual':
          expect(v?.exploitationTypes).toContain('SexualExploitation');
          expect(v?.sexExploitationTypes).toContain('Prostitution');
          break;
        case 'internal_domestic':
          expect(v?.exploitationTypes).toContain(c.child ? 'ChildLabour' : 'ForcedLabour');
          expect(v?.labourIndustry).toBe('T_ActivitiesOfHouseholdsAsEmployers');
          break;
        case 'foreign_transit':
        case 'foreign_in_kenya':
        case 'local_child':
          expect(v?.exploitationTypes?.length).toBeGreaterThan(0);
      }
      expect(c.intake.victim?.ageWhenTrafficked !== undefined && c.child === (v?.ageWhenTrafficked ?? 99) < 18).toBe(
        true,
      );
    }
    const gulf = registered.filter((c) => c.pattern === 'gulf_domestic');
    expect(
      share(gulf, (c) => c.intake.victim?.controlMethods?.includes('WithholdsDocuments') ?? false),
    ).toBeGreaterThan(0.6);
    expect(
      share(gulf, (c) => c.intake.victim?.controlMethods?.includes('ExcessiveWorkingHours') ?? false),
    ).toBeGreaterThan(0.6);
  });

  it('spreads cases over the agencies, owned by their own staff, the shelter most, the children’s office mainly children', () => {
    const byAgency = (key: string) => cases.filter((c) => c.agency === key);
    const counts = ['agencyA', 'agencyB', 'police', 'helpline'].map((k) => byAgency(k).length);
    expect(counts.every((n) => n > 20)).toBe(true);
    expect(Math.max(...counts)).toBe(byAgency('agencyA').length);
    expect(share(byAgency('agencyB'), (c) => c.child)).toBeGreaterThan(0.8);
    for (const c of cases) expect(STAFF.get(c.owner)?.agency).toBe(c.agency);
  });

  it('says what happened after intake, as the rules allow it', () => {
    const screened = registered.filter((c) => c.screening);
    expect(screened.length / cases.length).toBeGreaterThan(0.8);
    const confirmed = cases.filter((c) => c.screening?.determination?.decision === 'confirm').length;
    expect(confirmed / cases.length).toBeGreaterThan(0.5);
    expect(confirmed / cases.length).toBeLessThan(0.7);
    for (const c of screened) {
      const s = c.screening!;
      expect(suggestTraffickingStatus(s.input).suggestedStatus).toBe(s.suggested);
      if (s.determination) expect(STAFF.get(s.determination.decidedBy)).toEqual({ agency: c.agency, supervisor: true });
    }
    expect(share(screened, (c) => c.screening?.suggested === 'ActualVictimOfTrafficking')).toBeGreaterThan(0.7);
    for (const c of registered) expect(c.consents[0]?.purpose).toBe('case_management');
    expect(share(registered, (c) => c.consents.some((x) => x.purpose === 'statistics'))).toBeGreaterThan(0.75);
    for (const c of cases.filter((x) => x.draft)) {
      expect(c.consents).toEqual([]);
      expect(c.referrals).toEqual([]);
    }
  });

  it('has referrals and transfers in every state, some pending past their deadline, each with consent or a supervisor’s reason', () => {
    const referrals = cases.flatMap((c) => c.referrals.map((r) => ({ c, r })));
    const statuses = new Set(referrals.map(({ r }) => r.status));
    for (const status of REFERRAL_STATUSES) expect(statuses).toContain(status);
    expect(
      referrals.filter(({ r }) => r.kind === 'transfer' && r.status === 'awaiting_approval').length,
    ).toBeGreaterThan(0);
    expect(referrals.filter(({ r }) => r.status === 'pending' && r.overdue).length).toBeGreaterThan(2);
    expect(referrals.filter(({ r }) => r.status === 'pending' && !r.overdue).length).toBeGreaterThan(0);
    for (const { c, r } of referrals) {
      expect(r.to).not.toBe(c.agency);
      const consented = c.consents.some(
        (x) => x.purpose === 'referral' && x.agency === r.to && x.recordedAt <= r.createdAt,
      );
      expect(consented || (r.consentOverrideReason !== null && STAFF.get(r.createdBy)?.supervisor)).toBe(true);
      if (r.answer) expect(STAFF.get(r.answer.by)?.agency).toBe(r.to);
      if (r.approval) expect(STAFF.get(r.approval.by)).toEqual({ agency: c.agency, supervisor: true });
    }
    // A closed case has no referral still open.
    for (const c of cases.filter((x) => x.closure?.approval)) {
      expect(c.referrals.filter((r) => ['awaiting_approval', 'pending', 'accepted'].includes(r.status))).toEqual([]);
    }
  });

  it('has drafts, missed follow-ups, closures waiting for approval and closed cases', () => {
    expect(cases.filter((c) => c.draft).length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.followUp && c.followUp.date < '2026-03-15').length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.followUp && c.followUp.date >= '2026-03-15').length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.closure && !c.closure.approval).length).toBeGreaterThan(3);
    expect(cases.filter((c) => c.closure?.approval && c.closure.status === 'Closed').length).toBeGreaterThan(30);
    expect(cases.filter((c) => c.closure?.approval && c.closure.status === 'ClosedReferred').length).toBeGreaterThan(0);
  });

  it('invents people: example.com addresses, Kenyan mobile numbers, no name repeated too often', () => {
    const emails = cases.map((c) => c.intake.contact?.email).filter(Boolean);
    for (const e of emails) expect(e).toMatch(/@example\.com$/);
    const phones = cases.map((c) => c.intake.contact?.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(50);
    for (const p of phones) expect(p).toMatch(/^07\d{2} \d{3} \d{3}$/);
    const names = cases.map((c) => `${c.intake.identity?.firstName} ${c.intake.identity?.lastName}`);
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
  });
});
