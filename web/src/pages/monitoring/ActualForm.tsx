import { useState, type FormEvent } from 'react';
import { AGE_GROUP_CATEGORIES, SEX_CATEGORIES, type Disaggregation } from '@kinga/shared/picklists';
import type { DisaggregationDto, IndicatorProgressDto, ReportingPeriodDto } from '@kinga/shared';
import { saveActual } from '../../api/monitoring.ts';
import { ErrorSummary, Field, Notice, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, type PlansVocabList } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { countiesOf } from '../cases/case-format.ts';
import { breakdownProblems, parseAmount } from './monitoring-values.ts';
import { problemOverrides } from './monitoring-errors.ts';

type Parts = Record<string, string>;
interface CountyRow {
  code: string;
  amount: string;
}

/** The fixed categories of the sex and age-group breakdowns, and the vocabulary that labels them. */
const CATEGORIES: Record<'sex' | 'age_group', { codes: readonly string[]; list: PlansVocabList }> = {
  sex: { codes: SEX_CATEGORIES, list: 'sexCategory' },
  age_group: { codes: AGE_GROUP_CATEGORIES, list: 'ageGroupCategory' },
};

const textOf = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * Enters an indicator's actual for one period with the breakdowns the indicator asks for
 * (sex, age group, county). Breakdown parts may add up to less than the total, never more.
 */
export function ActualForm({
  planId,
  period,
  indicator,
  asked,
  onSaved,
}: {
  planId: string;
  period: ReportingPeriodDto;
  indicator: IndicatorProgressDto;
  asked: readonly Disaggregation[];
  onSaved: () => void;
}) {
  const { t, language, locale } = useLanguage();
  const { instance } = useSession();
  const counties = countiesOf(instance);
  const formId = `actual-${indicator.key}`;
  const existing = indicator.actuals.find((a) => a.periodId === period.id && !a.computed);
  const [value, setValue] = useState(textOf(existing?.value ?? undefined));
  const [parts, setParts] = useState<Record<'sex' | 'age_group', Parts>>(() => ({
    sex: Object.fromEntries(Object.entries(existing?.disaggregation.sex ?? {}).map(([k, v]) => [k, String(v)])),
    age_group: Object.fromEntries(
      Object.entries(existing?.disaggregation.age_group ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  }));
  const [countyRows, setCountyRows] = useState<CountyRow[]>(() =>
    Object.entries(existing?.disaggregation.county ?? {}).map(([code, amount]) => ({ code, amount: String(amount) })),
  );
  const [note, setNote] = useState(existing?.note ?? '');
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  const labels: Record<string, string> = {
    value: t('monitoring.actual.value', { unit: indicator.unit }),
    sex: t('monitoring.actual.by.sex'),
    age_group: t('monitoring.actual.by.age_group'),
    county: t('monitoring.actual.by.county'),
    note: t('monitoring.actual.note'),
  };

  /** Reads the form; every problem is named next to its field. */
  const read = (): { fields: FieldErrors; input?: { value: number; disaggregation: DisaggregationDto } } => {
    const fields: FieldErrors = {};
    const total = parseAmount(value);
    if (total === null) fields.value = t('errors.required');
    else if (Number.isNaN(total)) fields.value = t('monitoring.actual.notNumber');

    const disaggregation: DisaggregationDto = {};
    for (const dimension of ['sex', 'age_group'] as const) {
      if (!asked.includes(dimension)) continue;
      const entries: Record<string, number> = {};
      for (const code of CATEGORIES[dimension].codes) {
        const amount = parseAmount(parts[dimension][code] ?? '');
        if (amount === null) continue;
        if (Number.isNaN(amount)) fields[dimension] = t('monitoring.actual.notNumber');
        else if (amount < 0) fields[dimension] = t('monitoring.actual.negative');
        else entries[code] = amount;
      }
      if (Object.keys(entries).length > 0) disaggregation[dimension] = entries;
    }
    if (asked.includes('county')) {
      const entries: Record<string, number> = {};
      for (const row of countyRows) {
        const amount = parseAmount(row.amount);
        if (amount === null && row.code === '') continue;
        if (row.code === '') fields.county = t('monitoring.actual.chooseCounty');
        else if (amount === null || Number.isNaN(amount)) fields.county = t('monitoring.actual.notNumber');
        else if (amount < 0) fields.county = t('monitoring.actual.negative');
        else if (row.code in entries) fields.county = t('monitoring.actual.duplicateCounty');
        else entries[row.code] = amount;
      }
      if (Object.keys(entries).length > 0) disaggregation.county = entries;
    }
    if (total !== null && !Number.isNaN(total)) {
      for (const problem of breakdownProblems(total, disaggregation, asked)) {
        fields[problem.dimension] ??= t('monitoring.actual.tooMuch', {
          sum: number.format(problem.sum),
          total: number.format(total),
        });
      }
    }
    if (Object.keys(fields).length > 0 || total === null || Number.isNaN(total)) return { fields };
    return { fields, input: { value: total, disaggregation } };
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { fields, input } = read();
    if (!input) return errors.fail(fields);
    setPending(true);
    try {
      await saveActual(planId, period.id, indicator.key, { ...input, note: note.trim() });
      errors.clear();
      setSaved(true);
      onSaved();
    } catch (error) {
      errors.failWith(error, ['value', 'note'], problemOverrides(error, t, language));
    } finally {
      setPending(false);
    }
  };

  const setPart = (dimension: 'sex' | 'age_group', code: string, text: string) =>
    setParts((p) => ({ ...p, [dimension]: { ...p[dimension], [code]: text } }));
  const setCountyRow = (index: number, change: Partial<CountyRow>) =>
    setCountyRows((rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const countyName = (code: string) => counties.find((c) => String(c.code) === code)?.name ?? code;

  return (
    <form id={formId} className="form actual-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      {saved && <Notice>{t('monitoring.actual.saved', { period: period.label })}</Notice>}
      <Field
        id={`${formId}-value`}
        label={labels.value ?? ''}
        hint={t('monitoring.actual.valueHint', { period: period.label })}
        error={errors.fields.value}
        required
      >
        {(aria) => (
          <input
            {...aria}
            className="input-short"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      {asked.length > 0 && <p className="hint">{t('monitoring.actual.breakdownHint')}</p>}
      {(['sex', 'age_group'] as const)
        .filter((d) => asked.includes(d))
        .map((dimension) => (
          <fieldset
            key={dimension}
            className={errors.fields[dimension] ? 'breakdown field-invalid' : 'breakdown'}
            aria-describedby={errors.fields[dimension] ? `${formId}-${dimension}-error` : undefined}
          >
            <legend>{labels[dimension]}</legend>
            {errors.fields[dimension] && (
              <p id={`${formId}-${dimension}-error`} className="field-error">
                {errors.fields[dimension]}
              </p>
            )}
            <div className="breakdown-grid">
              {CATEGORIES[dimension].codes.map((code, i) => {
                const id = i === 0 ? `${formId}-${dimension}` : `${formId}-${dimension}-${code}`;
                return (
                  <div key={code} className="field">
                    <label htmlFor={id}>{vocabLabel(t, CATEGORIES[dimension].list, code)}</label>
                    <input
                      id={id}
                      className="input-short"
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={parts[dimension][code] ?? ''}
                      onChange={(e) => setPart(dimension, code, e.target.value)}
                    />
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      {asked.includes('county') && (
        <fieldset
          className={errors.fields.county ? 'breakdown field-invalid' : 'breakdown'}
          aria-describedby={errors.fields.county ? `${formId}-county-error` : undefined}
        >
          <legend>{labels.county}</legend>
          {errors.fields.county && (
            <p id={`${formId}-county-error`} className="field-error">
              {errors.fields.county}
            </p>
          )}
          <ul className="county-rows">
            {countyRows.map((row, index) => {
              const rowId = `${formId}-county-${index}`;
              return (
                <li key={index} className="county-row">
                  <div className="field">
                    <label htmlFor={index === 0 ? `${formId}-county` : rowId}>{t('monitoring.actual.county')}</label>
                    <select
                      id={index === 0 ? `${formId}-county` : rowId}
                      value={row.code}
                      onChange={(e) => setCountyRow(index, { code: e.target.value })}
                    >
                      <option value="">{t('monitoring.actual.chooseCounty')}</option>
                      {counties.map((c) => (
                        <option key={c.code} value={String(c.code)}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${rowId}-amount`}>
                      {row.code
                        ? t('monitoring.actual.countyAmount', { county: countyName(row.code) })
                        : t('monitoring.actual.amount')}
                    </label>
                    <input
                      id={`${rowId}-amount`}
                      className="input-short"
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.amount}
                      onChange={(e) => setCountyRow(index, { amount: e.target.value })}
                    />
                  </div>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setCountyRows((rows) => rows.filter((_, i) => i !== index))}
                  >
                    {t('monitoring.actual.removeCounty')}
                    <span className="visually-hidden">
                      {' '}
                      {row.code ? countyName(row.code) : t('monitoring.actual.rowNumber', { number: index + 1 })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="button-secondary"
            id={countyRows.length === 0 ? `${formId}-county` : undefined}
            onClick={() => setCountyRows((rows) => [...rows, { code: '', amount: '' }])}
          >
            {t('monitoring.actual.addCounty')}
          </button>
        </fieldset>
      )}
      <Field
        id={`${formId}-note`}
        label={labels.note ?? ''}
        hint={t('monitoring.actual.noteHint')}
        error={errors.fields.note}
      >
        {(aria) => (
          <textarea {...aria} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('monitoring.actual.saving') : t('monitoring.actual.save')}
        </button>
      </div>
    </form>
  );
}
