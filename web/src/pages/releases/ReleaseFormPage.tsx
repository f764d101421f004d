import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  RELEASE_ATTRIBUTE_GROUPS,
  RELEASE_METHODS,
  RELEASE_SOURCES,
  type ReleaseAttributeGroup,
  type ReleaseMethod,
} from '@kinga/shared/picklists';
import { ApiError } from '../../api/client.ts';
import { createRelease } from '../../api/releases.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useT, type Translate } from '../../i18n/i18n.tsx';
import { attributeGroupLabel, attributeLabelWithName } from './release-labels.ts';
import {
  REPORTING_LENGTHS,
  RELEASE_FIELDS,
  chosenQuasiIdentifiers,
  inAttributeOrder,
  initialReleaseValues,
  releaseFieldOfPath,
  validateRelease,
  type ReleaseFormValues,
} from './release-form-values.ts';

const FORM_ID = 'release';
const GROUPS = Object.keys(RELEASE_ATTRIBUTE_GROUPS) as ReleaseAttributeGroup[];
const COLLAPSED_GROUPS: readonly ReleaseAttributeGroup[] = ['labour', 'sexType', 'control', 'recruiter'];

/** The API error with its issue paths flattened onto the form's fields ("body.dp.epsilon" → "body.epsilon"). */
function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    requestId: error.requestId,
    retryAfter: error.retryAfter,
    issues: error.issues.map((issue) => ({ ...issue, path: `body.${releaseFieldOfPath(issue.path)}` })),
  });
}

function fieldLabels(t: Translate): Record<(typeof RELEASE_FIELDS)[number], string> {
  return {
    title: t('releases.field.title'),
    method: t('releases.field.method'),
    source: t('releases.field.source'),
    from: t('releases.field.from'),
    to: t('releases.field.to'),
    attributes: t('releases.field.attributes'),
    k: t('releases.field.k'),
    quasiIdentifiers: t('releases.field.quasiIdentifiers'),
    maxSuppression: t('releases.field.maxSuppression'),
    epsilon: t('releases.field.epsilon'),
    delta: t('releases.field.delta'),
    reportingLength: t('releases.field.reportingLength'),
    fabricationThreshold: t('releases.field.fabricationThreshold'),
  };
}

/** Builds a data release (/releases/new): k-anonymous or differentially private synthetic records. */
export function ReleaseFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState<ReleaseFormValues>(initialReleaseValues);
  const [pending, setPending] = useState(false);
  // A ref as well as state: a second click in the same frame must not send a second build.
  const pendingRef = useRef(false);
  const [openGroups, setOpenGroups] = useState<ReleaseAttributeGroup[]>([]);
  const errors = useFormErrors();
  const labels = fieldLabels(t);

  const handleToggleGroup = (group: ReleaseAttributeGroup, open: boolean) =>
    setOpenGroups((groups) => (open ? [...new Set([...groups, group])] : groups.filter((g) => g !== group)));

  const set = <K extends keyof ReleaseFormValues>(key: K, value: ReleaseFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const setGroup = (group: ReleaseAttributeGroup, chosen: readonly string[]) =>
    setValues((v) => {
      const others = v.attributes.filter((a) => !RELEASE_ATTRIBUTE_GROUPS[group].includes(a));
      return { ...v, attributes: inAttributeOrder([...others, ...chosen]) };
    });

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pendingRef.current) return;
    const { input, problems } = validateRelease(values);
    if (!input) {
      const fields: FieldErrors = {};
      for (const [field, problem] of Object.entries(problems)) fields[field] = t(problem.key, problem.values);
      errors.fail(fields);
      return;
    }
    pendingRef.current = true;
    setPending(true);
    try {
      const release = await createRelease(input);
      errors.clear();
      await navigate(`/releases/${encodeURIComponent(release.id)}`, { state: { created: true } });
    } catch (error) {
      errors.failWith(withFormPaths(error), RELEASE_FIELDS);
    } finally {
      pendingRef.current = false;
      setPending(false);
    }
  };

  const id = (field: string) => `${FORM_ID}-${field}`;
  const qiOptions = values.attributes;
  const quasiIdentifiers = chosenQuasiIdentifiers(values);

  return (
    <Page title={t('releases.newTitle')}>
      <p className="back-link">
        <Link to="/releases">{t('releases.backToList')}</Link>
      </p>
      <form
        id={FORM_ID}
        className="form release-form"
        noValidate
        aria-busy={pending}
        onSubmit={(e) => void handleSubmit(e)}
      >
        <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />

        <Field
          id={id('title')}
          label={labels.title}
          hint={t('releases.field.titleHint')}
          error={errors.fields.title}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={200}
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>

        <fieldset
          id={id('method')}
          tabIndex={-1}
          className={errors.fields.method ? 'checkbox-group field-invalid' : 'checkbox-group'}
          aria-describedby={errors.fields.method ? `${id('method')}-error` : undefined}
        >
          <legend>{labels.method}</legend>
          {errors.fields.method && (
            <p id={`${id('method')}-error`} className="field-error">
              {errors.fields.method}
            </p>
          )}
          {RELEASE_METHODS.map((method: ReleaseMethod) => (
            <div key={method} className="field checkbox-field">
              <input
                type="radio"
                id={id(`method-${method}`)}
                name="release-method"
                value={method}
                checked={values.method === method}
                aria-describedby={id(`method-${method}-hint`)}
                onChange={() => set('method', method)}
              />
              <label htmlFor={id(`method-${method}`)}>{t(`releases.method.${method}`)}</label>
              <p id={id(`method-${method}-hint`)} className="hint">
                {t(`releases.methodHint.${method}`)}
              </p>
            </div>
          ))}
        </fieldset>

        <RadioGroup
          id={id('source')}
          name="release-source"
          legend={labels.source}
          error={errors.fields.source}
          codes={RELEASE_SOURCES}
          labelOf={(source) => t(`releases.source.${source}`)}
          value={values.source}
          onChange={(source) => set('source', source)}
        />

        <fieldset className="plain-fieldset">
          <legend>{t('releases.periodSection')}</legend>
          <p className="hint">{t('releases.field.periodHint')}</p>
          <div className="field-pair">
            <Field id={id('from')} label={labels.from} error={errors.fields.from}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  className="input-short"
                  value={values.from}
                  onChange={(e) => set('from', e.target.value)}
                />
              )}
            </Field>
            <Field id={id('to')} label={labels.to} error={errors.fields.to}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  className="input-short"
                  value={values.to}
                  onChange={(e) => set('to', e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset
          id={id('attributes')}
          tabIndex={-1}
          className={errors.fields.attributes ? 'plain-fieldset field-invalid' : 'plain-fieldset'}
          aria-describedby={[id('attributes-hint'), errors.fields.attributes ? id('attributes-error') : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend className="release-legend">{labels.attributes}</legend>
          <p id={id('attributes-hint')} className="hint">
            {t('releases.field.attributesHint')}
          </p>
          {errors.fields.attributes && (
            <p id={id('attributes-error')} className="field-error">
              {errors.fields.attributes}
            </p>
          )}
          {GROUPS.map((group) => {
            const codes = RELEASE_ATTRIBUTE_GROUPS[group];
            const selected = values.attributes.filter((a) => codes.includes(a));
            const groupLabel = attributeGroupLabel(t, group);
            const content = (
              <>
                <CheckboxGroup
                  id={id(`group-${group}`)}
                  legend={groupLabel}
                  codes={codes}
                  labelOf={(code) => attributeLabelWithName(t, code)}
                  selected={selected}
                  onChange={(next) => setGroup(group, next)}
                  columns={codes.length > 4}
                />
                {codes.length > 1 && (
                  <div className="release-group-actions">
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={selected.length === codes.length}
                      onClick={() => setGroup(group, codes)}
                    >
                      {t('releases.selectGroup', { group: groupLabel })}
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={selected.length === 0}
                      onClick={() => setGroup(group, [])}
                    >
                      {t('releases.clearGroup', { group: groupLabel })}
                    </button>
                  </div>
                )}
              </>
            );
            if (!COLLAPSED_GROUPS.includes(group)) {
              return (
                <div key={group} className="release-group">
                  {content}
                </div>
              );
            }
            // Long lists of rarer attributes fold away, so the form stays short on a phone.
            return (
              <details
                key={group}
                className="release-group disclosure"
                open={openGroups.includes(group)}
                onToggle={(e) => handleToggleGroup(group, e.currentTarget.open)}
              >
                <summary>{t('releases.groupSummary', { group: groupLabel, count: selected.length })}</summary>
                {content}
              </details>
            );
          })}
        </fieldset>

        {values.method === 'k_anonymity' ? (
          <fieldset className="panel release-params">
            <legend className="release-legend">{t('releases.kSection')}</legend>
            <Field id={id('k')} label={labels.k} hint={t('releases.field.kHint')} error={errors.fields.k}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  className="input-short"
                  value={values.k}
                  onChange={(e) => set('k', e.target.value)}
                />
              )}
            </Field>
            <CheckboxGroup
              id={id('quasiIdentifiers')}
              legend={labels.quasiIdentifiers}
              hint={t('releases.field.quasiIdentifiersHint')}
              error={errors.fields.quasiIdentifiers}
              codes={qiOptions}
              labelOf={(code) => attributeLabelWithName(t, code)}
              selected={quasiIdentifiers}
              onChange={(next) => set('quasiIdentifiers', next)}
              columns={qiOptions.length > 4}
            />
            <Field
              id={id('maxSuppression')}
              label={labels.maxSuppression}
              hint={t('releases.field.maxSuppressionHint')}
              error={errors.fields.maxSuppression}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  className="input-short"
                  value={values.maxSuppression}
                  onChange={(e) => set('maxSuppression', e.target.value)}
                />
              )}
            </Field>
          </fieldset>
        ) : (
          <fieldset className="panel release-params">
            <legend className="release-legend">{t('releases.dpSection')}</legend>
            <Field
              id={id('epsilon')}
              label={labels.epsilon}
              hint={t('releases.field.epsilonHint')}
              error={errors.fields.epsilon}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  className="input-short"
                  value={values.epsilon}
                  onChange={(e) => set('epsilon', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={id('delta')}
              label={labels.delta}
              hint={t('releases.field.deltaHint')}
              error={errors.fields.delta}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  className="input-delta"
                  value={values.delta}
                  onChange={(e) => set('delta', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={id('reportingLength')}
              label={labels.reportingLength}
              hint={t('releases.field.reportingLengthHint')}
              error={errors.fields.reportingLength}
            >
              {(aria) => (
                <select
                  {...aria}
                  className="input-short"
                  value={values.reportingLength}
                  onChange={(e) => set('reportingLength', e.target.value)}
                >
                  {REPORTING_LENGTHS.map((length) => (
                    <option key={length} value={length}>
                      {length}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={id('fabricationThreshold')}
              label={labels.fabricationThreshold}
              hint={t('releases.field.fabricationThresholdHint')}
              error={errors.fields.fabricationThreshold}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  className="input-short"
                  value={values.fabricationThreshold}
                  onChange={(e) => set('fabricationThreshold', e.target.value)}
                />
              )}
            </Field>
          </fieldset>
        )}

        <p role="status" className="release-status">
          {pending ? t('releases.building') : ''}
        </p>
        <div className="form-actions">
          {/* Not `disabled`: the button keeps keyboard focus while the build runs; the ref refuses a second submit. */}
          <button type="submit" aria-disabled={pending || undefined}>
            {t('releases.submit')}
          </button>
          <Link to="/releases">{t('releases.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
