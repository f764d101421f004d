import { useCallback } from 'react';
import type { PlanDto, ReportingPeriodDto } from '@kinga/shared';
import { ApiError } from '../../api/client.ts';
import { getPlanHeader, listPeriods } from '../../api/monitoring.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { todayIso } from '../cases/case-format.ts';
import { choosePeriod } from './monitoring-values.ts';

/** True for the answer of a monitoring route on a plan that nobody adopted yet. */
export function isNoAdoptedVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'no_adopted_version';
}

export interface PlanPeriods {
  plan: PlanDto | null;
  periods: ReportingPeriodDto[];
  /** The chosen period: `?period=` in the address, else the latest that has ended. */
  period: ReportingPeriodDto | null;
  loading: boolean;
  error: unknown;
  /** The plan has no adopted version, so there is nothing to monitor. */
  noAdoptedVersion: boolean;
  choosePeriod: (periodId: string) => void;
}

/** A plan's header and reporting periods, and the period chosen in the address. */
export function usePlanPeriods(planId: string): PlanPeriods {
  const { params, update } = useSearchParamsUpdater();
  const loaded = useLoad(planId, async () => {
    const plan = await getPlanHeader(planId);
    if (plan.adoptedVersion === null) return { plan, periods: [] };
    try {
      return { plan, periods: await listPeriods(planId) };
    } catch (error) {
      if (isNoAdoptedVersion(error)) return { plan: { ...plan, adoptedVersion: null }, periods: [] };
      throw error;
    }
  });
  const plan = loaded.data?.plan ?? null;
  const periods = loaded.data?.periods ?? [];
  const select = useCallback((periodId: string) => update({ period: periodId }), [update]);
  return {
    plan,
    periods,
    period: choosePeriod(periods, params.get('period'), todayIso()),
    loading: loaded.loading,
    error: loaded.error,
    noAdoptedVersion: plan !== null && plan.adoptedVersion === null,
    choosePeriod: select,
  };
}
