import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ACTIVITY_AREAS,
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  PILLARS,
  type PlanElementKind,
} from '@kinga/shared/picklists';
import type { AgencyDto, PlanDto, PlanElementDto } from '@kinga/shared';
import { addElement, updateElement } from '../../api/plans.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { countiesOf } from '../cases/case-format.ts';
import { ChipPicker } from './ChipPicker.tsx';
import { fieldLabel } from './element-values.ts';
import {
  TEXT_LIMITS,
  emptyValues,
  inputOf,
  valuesOf,
  type ElementFormProblem,
  type ElementFormValues,
} from './element-form-values.ts';
import { elementFormErrors, planOverrides } from './plan-errors.ts';
import { periodLabel, periodYears } from './plan-format.ts';

const FIELDS_BY_KIND: Record<PlanElementKind, readonly string[]> = {
  pillar: ['title', 'description', 'pillar'],
  objective: ['title', 'description'],
  activity: [
    'title',
    'description',
    'area',
    'leadAgencyId',
    'supportingAgencyIds',
    'countyCodes',
    'startDate',
    'endDate',
    'budget',
  ],
  indicator: [
    'title',
    'description',
    'definition',
    'unit',
    'baseline',
    'baselineYear',
    'targets',
    'frequency',
    'meansOfVerification',
    'disaggregations',
    'direction',
    'aggregation',
    'source',
  ],
};

const PROBLEM_MESSAGES: Record<ElementFormProblem, MessageKey> = {
  required: 'errors.required',
  tooLong: 'errors.tooLong',
  number: 'plans.form.numberInvalid',
  notNegative: 'plans.form.notNegative',
  year: 'plans.form.yearInvalid',
  dateRange: 'errors.dateRange',
};

/**
 * Adds an element of one kind under a parent, or edits one: every field of the kind, with
 * the server's validation errors shown at their fields.
 */
export function ElementForm({
  plan,
  versionNumber,
  kind,
  parentKey,
  parentLabel,
  editing,
  agencies,
  onSaved,
  onCancel,
}: {
  plan: PlanDto;
  versionNumber: number;
  kind: PlanElementKind;
  parentKey: string | null;
  /** "1.2 Title" of the parent, to say where a new element goes. */
  parentLabel: string | null;
  editing: PlanElementDto | null;
  agencies: AgencyDto[];
  onSaved: (message: string, key: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useLanguage();
  const { instance } = useSession();
  const formId = 'element-form';
  const errors = useFormErrors();
  const [values, setValues] = useState<ElementFormValues>(() => (editing ? valuesOf(editing.fields) : emptyValues()));
  const [pending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fields = FIELDS_BY_KIND[kind];
  const labels = Object.fromEntries(fields.map((f) => [f, fieldLabel(t, f)]));
  const set = <K extends keyof ElementFormValues>(field: K, value: ElementFormValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const id = (field: string) => `${formId}-${field}`;
  const kindLabel = vocabLabel(t, 'elementKind', kind).toLocaleLowerCase(language);

  // Years of the plan period, plus any year an older target still names.
  const years = [
    ...new Set([
      ...periodYears(plan.periodStart, plan.periodEnd),
      ...Object.keys(values.targets).map(Number).filter(Number.isInteger),
    ]),
  ].sort((a, b) => a - b);
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  if (editing?.fields.kind === 'activity' && editing.fields.leadAgencyId && editing.leadAgencyName) {
    const leadId = editing.fields.leadAgencyId;
    if (!agencyOptions.some((o) => o.value === leadId)) {
      agencyOptions.push({ value: leadId, label: editing.leadAgencyName });
    }
  }
  const countyOptions = countiesOf(instance).map((c) => ({ value: String(c.code), label: c.name }));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = inputOf(kind, editing ? editing.parentKey : parentKey, values);
    if (result.problems) {
      const fieldErrors: FieldErrors = {};
      for (const [field, problem] of Object.entries(result.problems)) {
        const max = TEXT_LIMITS[field as keyof typeof TEXT_LIMITS];
        fieldErrors[field] = t(PROBLEM_MESSAGES[problem], max ? { max } : undefined);
      }
      return errors.fail(fieldErrors);
    }
    setPending(true);
    try {
      const saved = editing
        ? await updateElement(plan.id, versionNumber, editing.key, { fields: result.input })
        : await addElement(plan.id, versionNumber, result.input);
      errors.clear();
      onSaved(
        editing ? t('plans.form.saved', { kind: kindLabel }) : t('plans.form.added', { kind: kindLabel }),
        saved.key,
      );
    } catch (error) {
      const found = elementFormErrors(error, fields, t, language, periodLabel(plan.periodStart, plan.periodEnd));
      if (found) errors.fail(found.fields, found.general);
      else errors.failWith(error, fields, planOverrides(error, t));
      setPending(false);
    }
  };

  const textField = (field: 'title' | 'unit', required: boolean, hint?: string) => (
    <Field id={id(field)} label={labels[field] ?? field} hint={hint} error={errors.fields[field]} required={required}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          maxLength={TEXT_LIMITS[field]}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const areaField = (field: 'description' | 'definition' | 'meansOfVerification', rows: number, hint?: string) => (
    <Field id={id(field)} label={labels[field] ?? field} hint={hint} error={errors.fields[field]}>
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          maxLength={TEXT_LIMITS[field]}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const numberField = (field: 'budget' | 'baseline' | 'baselineYear', hint?: string) => (
    <Field id={id(field)} label={labels[field] ?? field} hint={hint} error={errors.fields[field]}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode={field === 'baselineYear' ? 'numeric' : 'decimal'}
          className={field === 'baselineYear' ? 'input-short' : 'input-number'}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const selectField = (
    field: 'pillar' | 'area' | 'leadAgencyId' | 'frequency' | 'source',
    options: { value: string; label: string }[],
    emptyLabel: string | null,
    hint?: string,
  ) => (
    <Field id={id(field)} label={labels[field] ?? field} hint={hint} error={errors.fields[field]}>
      {(aria) => (
        <select {...aria} value={values[field]} onChange={(e) => set(field, e.target.value)}>
          {emptyLabel !== null && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const heading = editing
    ? t('plans.form.editHeading', { kind: kindLabel, number: editing.number })
    : parentLabel
      ? t('plans.form.addUnderHeading', { kind: kindLabel, parent: parentLabel })
      : t('plans.form.addHeading', { kind: kindLabel });

  return (
    <section className="panel element-form" aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`} tabIndex={-1} ref={headingRef}>
        {heading}
      </h3>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        {textField('title', true)}
        {areaField('description', 3)}
        {kind === 'pillar' &&
          selectField(
            'pillar',
            vocabOptions(t, 'pillar', PILLARS),
            t('plans.form.noPillar'),
            t('plans.form.pillarHint'),
          )}
        {kind === 'activity' && (
          <>
            {selectField('area', vocabOptions(t, 'activityArea', ACTIVITY_AREAS), t('plans.form.noArea'))}
            {selectField('leadAgencyId', agencyOptions, t('plans.form.noLead'), t('plans.form.leadHint'))}
            <ChipPicker
              id={id('supportingAgencyIds')}
              legend={labels.supportingAgencyIds ?? ''}
              error={errors.fields.supportingAgencyIds}
              options={agencyOptions.filter((o) => o.value !== values.leadAgencyId)}
              selected={values.supportingAgencyIds}
              onChange={(next) => set('supportingAgencyIds', next)}
              emptyText={t('plans.form.noSupporting')}
              chooseLabel={t('plans.form.chooseAgency')}
            />
            <ChipPicker
              id={id('countyCodes')}
              legend={labels.countyCodes ?? ''}
              hint={t('plans.form.countiesHint')}
              error={errors.fields.countyCodes}
              options={countyOptions}
              selected={values.countyCodes}
              onChange={(next) => set('countyCodes', next)}
              emptyText={t('plans.value.national')}
              chooseLabel={t('plans.form.chooseCounty')}
            />
            <div className="field-pair">
              <Field id={id('startDate')} label={labels.startDate ?? ''} error={errors.fields.startDate}>
                {(aria) => (
                  <input
                    {...aria}
                    type="date"
                    value={values.startDate}
                    onChange={(e) => set('startDate', e.target.value)}
                  />
                )}
              </Field>
              <Field id={id('endDate')} label={labels.endDate ?? ''} error={errors.fields.endDate}>
                {(aria) => (
                  <input
                    {...aria}
                    type="date"
                    value={values.endDate}
                    onChange={(e) => set('endDate', e.target.value)}
                  />
                )}
              </Field>
            </div>
            {numberField('budget', t('plans.form.budgetHint', { currency: plan.currency }))}
          </>
        )}
        {kind === 'indicator' && (
          <>
            {areaField('definition', 3, t('plans.form.definitionHint'))}
            {textField('unit', true, t('plans.form.unitHint'))}
            <div className="field-pair">
              {numberField('baseline')}
              {numberField('baselineYear')}
            </div>
            <fieldset
              id={id('targets')}
              tabIndex={-1}
              className={errors.fields.targets ? 'checkbox-group field-invalid' : 'checkbox-group'}
            >
              <legend>{labels.targets}</legend>
              <p className="hint">{t('plans.form.targetsHint')}</p>
              {errors.fields.targets && <p className="field-error">{errors.fields.targets}</p>}
              <div className="target-grid">
                {years.map((year) => (
                  <div key={year} className="field">
                    <label htmlFor={id(`target-${year}`)}>{t('plans.form.targetYear', { year })}</label>
                    <input
                      id={id(`target-${year}`)}
                      type="text"
                      inputMode="decimal"
                      className="input-number"
                      value={values.targets[String(year)] ?? ''}
                      onChange={(e) => set('targets', { ...values.targets, [String(year)]: e.target.value })}
                    />
                  </div>
                ))}
              </div>
            </fieldset>
            {selectField('frequency', vocabOptions(t, 'indicatorFrequency', INDICATOR_FREQUENCIES), null)}
            {areaField('meansOfVerification', 2, t('plans.form.verificationHint'))}
            <CheckboxGroup
              id={id('disaggregations')}
              legend={labels.disaggregations ?? ''}
              hint={t('plans.form.disaggregationsHint')}
              error={errors.fields.disaggregations}
              codes={DISAGGREGATIONS}
              labelOf={(code) => vocabLabel(t, 'disaggregation', code)}
              selected={values.disaggregations}
              onChange={(next) => set('disaggregations', next)}
            />
            <RadioGroup
              id={id('direction')}
              name={id('direction')}
              legend={labels.direction ?? ''}
              error={errors.fields.direction}
              codes={INDICATOR_DIRECTIONS}
              labelOf={(code) => vocabLabel(t, 'indicatorDirection', code)}
              value={INDICATOR_DIRECTIONS.find((d) => d === values.direction) ?? ''}
              onChange={(next) => set('direction', next)}
            />
            <RadioGroup
              id={id('aggregation')}
              name={id('aggregation')}
              legend={labels.aggregation ?? ''}
              hint={t('plans.form.aggregationHint')}
              error={errors.fields.aggregation}
              codes={INDICATOR_AGGREGATIONS}
              labelOf={(code) => vocabLabel(t, 'indicatorAggregation', code)}
              value={INDICATOR_AGGREGATIONS.find((a) => a === values.aggregation) ?? ''}
              onChange={(next) => set('aggregation', next)}
            />
            {selectField(
              'source',
              vocabOptions(t, 'indicatorSource', INDICATOR_SOURCES),
              null,
              t('plans.form.sourceHint'),
            )}
          </>
        )}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {editing ? t('common.save') : t('plans.form.addSubmit', { kind: kindLabel })}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('plans.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
