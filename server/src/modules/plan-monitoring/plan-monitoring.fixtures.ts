import { objective, pillar, type ElementSpec, type PlanSpec } from '../../../test/plan-factories.ts';

/**
 * Fixtures of the monitoring integration tests: a small plan in force whose activities are led
 * by the demo Labour ministry (two, with indicators), the police unit (one) and the Tumaini
 * safe house (one), over last year, this year and next year, so that some periods are past due,
 * one is running and some have not started whatever the day the tests run.
 */

export const THIS_YEAR = new Date().getUTCFullYear();
export const LAST_YEAR = THIS_YEAR - 1;
export const NEXT_YEAR = THIS_YEAR + 1;

export interface LeadAgencies {
  labour: string;
  police: string;
  tumaini: string;
}

export function monitoredPlanSpec(agencies: LeadAgencies, extra: Partial<PlanSpec> = {}): PlanSpec {
  const activity = (
    ref: string,
    title: string,
    leadAgencyId: string,
    children: ElementSpec[] = [],
    more: Partial<Extract<ElementSpec, { kind: 'activity' }>> = {},
  ): ElementSpec => ({ kind: 'activity', ref, title, leadAgencyId, children, ...more });
  const indicator = (
    ref: string,
    title: string,
    more: Partial<Extract<ElementSpec, { kind: 'indicator' }>> = {},
  ): ElementSpec => ({ kind: 'indicator', ref, title, unit: 'people', ...more });

  return {
    periodStart: LAST_YEAR,
    periodEnd: NEXT_YEAR,
    elements: [
      pillar('Prevention', [
        objective(
          'Safer labour migration',
          [
            activity('a1', 'Train labour inspectors on recruitment abuses', agencies.labour, [
              indicator('i1', 'Labour inspectors trained', {
                disaggregations: ['sex', 'county'],
                targets: [
                  { year: LAST_YEAR, value: 100 },
                  { year: THIS_YEAR, value: 200 },
                ],
              }),
              indicator('ic', 'Victims identified', { source: 'cases.victims_identified' }),
            ]),
            activity('a2', 'Licence and inspect recruitment agencies', agencies.labour),
            activity('a3', 'Investigate fraudulent recruiters', agencies.police, [
              indicator('i3', 'Investigations opened', { unit: 'cases' }),
            ]),
            indicator('i0', 'Recruitment agencies licensed', {
              unit: 'agencies',
              aggregation: 'latest',
              baseline: 0,
              targets: [{ year: LAST_YEAR, value: 40 }],
            }),
          ],
          'o1',
        ),
      ]),
      pillar('Protection', [
        objective('Assist victims', [activity('a4', 'Run a safe house in Mombasa', agencies.tumaini)]),
      ]),
    ],
    ...extra,
  };
}
