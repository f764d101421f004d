import { useMemo, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ComparisonDto, PlanDto, PlanElementDto } from '@kinga/shared';
import { comparePlanVersions, getPlan, getPlanVersion } from '../../api/plans.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLoad } from '../../components/useLoad.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { countiesOf } from '../cases/case-format.ts';
import { byFieldOrder, fieldLabel, formatFieldValue, type ValueContext } from './element-values.ts';
import { defaultCompareBase } from './plan-format.ts';

type Change = ComparisonDto['changes'][number];

const GROUPS: { change: Change['change']; heading: MessageKey; none: MessageKey }[] = [
  { change: 'added', heading: 'plans.compare.added', none: 'plans.compare.noneAdded' },
  { change: 'removed', heading: 'plans.compare.removed', none: 'plans.compare.noneRemoved' },
  { change: 'changed', heading: 'plans.compare.changed', none: 'plans.compare.noneChanged' },
];

function versionNumber(raw: string | null): number | null {
  return raw && /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

/** Two versions of a plan compared element by element: added, removed and changed fields. */
export function PlanComparePage() {
  const { planId = '' } = useParams();
  const { t } = useLanguage();
  const loaded = useLoad(planId, () => getPlan(planId));
  const plan = loaded.data?.id === planId ? loaded.data : null;

  return (
    <Page title={plan ? t('plans.compare.title', { title: plan.title }) : t('plans.compare.heading')}>
      <p className="back-link">
        <Link to={`/plans/${encodeURIComponent(planId)}`}>{t('plans.compare.backToPlan')}</Link>
      </p>
      {plan ? (
        <Comparison plan={plan} />
      ) : loaded.error ? (
        <LoadError error={loaded.error} />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </Page>
  );
}

function Comparison({ plan }: { plan: PlanDto }) {
  const { t, locale } = useLanguage();
  const { instance } = useSession();
  const [params, setParams] = useSearchParams();
  const agencies = useAgencyOptions(true);
  const latest = plan.latestVersion.number;
  const to = versionNumber(params.get('to')) ?? latest;
  const from = versionNumber(params.get('from')) ?? defaultCompareBase(to, null, plan.versions);
  const sorted = [...plan.versions].sort((a, b) => b.number - a.number);

  const result = useLoad(`${plan.id}/${from}/${to}`, async () => {
    if (from === null || from === to) return null;
    const [comparison, before, after] = await Promise.all([
      comparePlanVersions(plan.id, from, to),
      getPlanVersion(plan.id, from),
      getPlanVersion(plan.id, to),
    ]);
    return { comparison, elements: [...after.elements, ...before.elements] };
  });
  const data = result.data;

  const context = useMemo<ValueContext>(() => {
    const byKey = new Map<string, PlanElementDto>();
    // The newer version's elements come first, so a key present in both is named as it is now.
    for (const element of data?.elements ?? []) if (!byKey.has(element.key)) byKey.set(element.key, element);
    const counties = countiesOf(instance);
    return {
      t,
      locale,
      currency: plan.currency,
      agencyName: (id) => agencies.find((a) => a.id === id)?.name ?? t('plans.value.unknownAgency'),
      countyName: (code) => counties.find((c) => c.code === code)?.name ?? String(code),
      elementLabel: (key) => {
        const element = byKey.get(key);
        return element ? `${element.number} ${element.fields.title}` : t('plans.value.unknownElement');
      },
    };
  }, [t, locale, plan.currency, agencies, instance, data]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' ? entry : '';
    };
    setParams({ from: value('from'), to: value('to') });
  };

  const versionOptions = sorted.map((v) => (
    <option key={v.number} value={v.number}>
      {t('plans.versionOption', { number: v.number, status: vocabLabel(t, 'planVersionStatus', v.status) })}
    </option>
  ));

  if (plan.versions.length < 2) return <p>{t('plans.compare.onlyOne')}</p>;

  const comparison = data?.comparison ?? null;
  return (
    <>
      <form className="filters compare-form" onSubmit={handleSubmit} key={`${from}-${to}`}>
        <div className="field">
          <label htmlFor="compare-from">{t('plans.compare.from')}</label>
          <select id="compare-from" name="from" defaultValue={from === null ? '' : String(from)}>
            {versionOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-to">{t('plans.compare.to')}</label>
          <select id="compare-to" name="to" defaultValue={String(to)}>
            {versionOptions}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit">{t('plans.compare.submit')}</button>
        </div>
      </form>

      {from === to && <p className="warning">{t('plans.compare.same')}</p>}
      {result.error ? <LoadError error={result.error} /> : null}
      {result.loading && <p role="status">{t('common.loading')}</p>}
      {comparison && from !== null && (
        <>
          <p className="compare-summary" role="status">
            {t('plans.compare.summary', {
              from,
              to,
              added: comparison.changes.filter((c) => c.change === 'added').length,
              removed: comparison.changes.filter((c) => c.change === 'removed').length,
              changed: comparison.changes.filter((c) => c.change === 'changed').length,
              unchanged: comparison.unchanged,
            })}
          </p>
          {GROUPS.map((group) => {
            const changes = comparison.changes.filter((c) => c.change === group.change);
            return (
              <section key={group.change} aria-labelledby={`compare-${group.change}`} className="compare-group">
                <h2 id={`compare-${group.change}`}>
                  {t(group.heading)} <span className="count">({changes.length})</span>
                </h2>
                {changes.length === 0 ? (
                  <p className="muted">{t(group.none)}</p>
                ) : (
                  <ul className="record-list">
                    {changes.map((change) => (
                      <ChangeItem key={change.key} change={change} context={context} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function ChangeItem({ change, context }: { change: Change; context: ValueContext }) {
  const { t } = context;
  const fields = byFieldOrder(change.fields);
  return (
    <li className={`record compare-${change.change}`}>
      <h3 className="record-title">
        <span className="outline-number">{change.number}</span> {change.title}
      </h3>
      <p className="record-meta">{vocabLabel(t, 'elementKind', change.kind)}</p>
      {change.change === 'changed' && fields.length > 0 && (
        <dl className="compare-fields">
          {fields.map((f) => (
            <div key={f.field} className="compare-field">
              <dt>{fieldLabel(t, f.field)}</dt>
              <dd>
                <span className="compare-label">{t('plans.compare.before')}</span>{' '}
                <del className="pre-line break">{formatFieldValue(f.field, f.before, context)}</del>
              </dd>
              <dd>
                <span className="compare-label">{t('plans.compare.after')}</span>{' '}
                <ins className="pre-line break">{formatFieldValue(f.field, f.after, context)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {change.change !== 'changed' && fields.length > 0 && (
        <details className="disclosure">
          <summary>{t('plans.compare.fields')}</summary>
          <dl className="details">
            {fields.map((f) => (
              <div key={f.field}>
                <dt>{fieldLabel(t, f.field)}</dt>
                <dd className="pre-line break">
                  {formatFieldValue(f.field, change.change === 'added' ? f.after : f.before, context)}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
