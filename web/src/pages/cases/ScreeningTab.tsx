import { useState, type FormEvent } from 'react';
import {
  ILO_INDICATORS,
  PALERMO_ACTS,
  PALERMO_MEANS,
  PALERMO_PURPOSES,
  TRAFFICKING_STATUSES,
  suggestTraffickingStatus,
  type IloIndicator,
  type PalermoAct,
  type PalermoMeans,
  type PalermoPurpose,
  type ScreeningSuggestion,
  type TraffickingStatus,
} from '@kinga/shared/picklists';
import type { CaseDto, ScreeningDto } from '@kinga/shared';
import { createScreening, decideScreening, listScreenings } from '../../api/intake.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, LoadError, useFormErrors } from '../../components/forms.tsx';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLoad } from '../../components/useLoad.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabEn } from '../../i18n/vocab.en.ts';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { wholeNumberOrNull } from './intake-values.ts';

const FORM_ID = 'screening';
const FIELDS = ['acts', 'means', 'purposes', 'iloIndicators', 'ageAtExploitation', 'notes'] as const;

/** The wording of one explanation step; the code itself for a step this version does not know. */
function reasonText(t: Translate, code: string): string {
  const key = `screeningReason.${code}`;
  // Every key of vocabEn is a catalogue key (en.ts spreads it), so `t` accepts it as is.
  return Object.hasOwn(vocabEn, key) ? t(key as keyof typeof vocabEn) : code;
}

interface ScreeningValues {
  acts: PalermoAct[];
  means: PalermoMeans[];
  purposes: PalermoPurpose[];
  iloIndicators: IloIndicator[];
  ageAtExploitation: string;
  notes: string;
}

function emptyScreening(caseDto: CaseDto): ScreeningValues {
  // The age when trafficked, recorded at intake, is the usual answer; the screener may change it.
  const age = caseDto.victim?.ageWhenTrafficked ?? null;
  return {
    acts: [],
    means: [],
    purposes: [],
    iloIndicators: [],
    ageAtExploitation: age === null ? '' : String(age),
    notes: '',
  };
}

/** The three elements of the Palermo definition, each met or not, as a short list. */
function ElementList({ elements }: { elements: ScreeningSuggestion['elements'] }) {
  const { t } = useLanguage();
  const state = (met: boolean | 'not_required') =>
    met === 'not_required'
      ? t('screening.element.notRequired')
      : met
        ? t('screening.element.met')
        : t('screening.element.notMet');
  return (
    <ul className="element-list">
      <li className={elements.act ? 'element-met' : 'element-missing'}>
        {t('screening.element.act')}: {state(elements.act)}
      </li>
      <li className={elements.means === false ? 'element-missing' : 'element-met'}>
        {t('screening.element.means')}: {state(elements.means)}
      </li>
      <li className={elements.purpose ? 'element-met' : 'element-missing'}>
        {t('screening.element.purpose')}: {state(elements.purpose)}
      </li>
    </ul>
  );
}

/** The case's screening: the Palermo and ILO form with a live suggestion, past screenings and the supervisor's determination. */
export function ScreeningTab({ caseDto, reload }: { caseDto: CaseDto; reload: () => void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const canScreen = caseDto.view === 'full' && caseDto.canEdit && can('case:write');
  const canDecide = caseDto.view === 'full' && can('case:supervise');
  const list = useLoad(caseDto.code, () => listScreenings(caseDto.code));

  const [values, setValues] = useState<ScreeningValues>(() => emptyScreening(caseDto));
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors();

  const ageText = values.ageAtExploitation.trim();
  const age = wholeNumberOrNull(ageText);
  const suggestion = suggestTraffickingStatus({
    acts: values.acts,
    means: values.means,
    purposes: values.purposes,
    iloIndicators: values.iloIndicators,
    ageAtExploitation: age,
  });

  const set = <K extends keyof ScreeningValues>(key: K, value: ScreeningValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const labels: Record<(typeof FIELDS)[number], string> = {
    acts: t('screening.acts'),
    means: t('screening.means'),
    purposes: t('screening.purposes'),
    iloIndicators: t('screening.ilo'),
    ageAtExploitation: t('screening.age'),
    notes: t('screening.notes'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (ageText && age === null) return errors.fail({ ageAtExploitation: t('screening.ageInvalid') });
    setPending(true);
    try {
      const created = await createScreening(caseDto.code, {
        acts: values.acts,
        means: values.means,
        purposes: values.purposes,
        iloIndicators: values.iloIndicators,
        ageAtExploitation: age,
        notes: values.notes.trim() || null,
      });
      errors.clear();
      setValues(emptyScreening(caseDto));
      setNotice(t('screening.saved', { status: vocabLabel(t, 'traffickingStatus', created.suggestedStatus) }));
      list.refresh();
      reload();
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const screenings = list.data ?? [];

  return (
    <section aria-labelledby="screening-title">
      <h2 id="screening-title">{t('screening.title')}</h2>
      <p className="hint">{t('screening.intro')}</p>

      <FocusedNotice message={notice} />

      <h3>{t('screening.history')}</h3>
      {list.error ? <LoadError error={list.error} /> : null}
      {list.loading && list.data === null && <p role="status">{t('common.loading')}</p>}
      {list.data !== null && screenings.length === 0 && <p className="muted">{t('screening.none')}</p>}
      <ol className="record-list">
        {screenings.map((s) => (
          <li key={s.id}>
            <ScreeningRecord
              screening={s}
              caseCode={caseDto.code}
              canDecide={canDecide}
              onDecided={() => {
                setNotice(t('screening.decided'));
                list.refresh();
                reload();
              }}
            />
          </li>
        ))}
      </ol>

      {canScreen && (
        <form id={FORM_ID} className="form panel" noValidate onSubmit={(e) => void handleSubmit(e)}>
          <h3>{t('screening.new')}</h3>
          <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
          <CheckboxGroup
            id={`${FORM_ID}-acts`}
            legend={labels.acts}
            hint={t('screening.actsHint')}
            error={errors.fields.acts}
            codes={PALERMO_ACTS}
            labelOf={(c) => vocabLabel(t, 'palermoAct', c)}
            selected={values.acts}
            onChange={(next) => set('acts', next)}
            columns
          />
          <CheckboxGroup
            id={`${FORM_ID}-means`}
            legend={labels.means}
            hint={t('screening.meansHint')}
            error={errors.fields.means}
            codes={PALERMO_MEANS}
            labelOf={(c) => vocabLabel(t, 'palermoMeans', c)}
            selected={values.means}
            onChange={(next) => set('means', next)}
            columns
          />
          <CheckboxGroup
            id={`${FORM_ID}-purposes`}
            legend={labels.purposes}
            hint={t('screening.purposesHint')}
            error={errors.fields.purposes}
            codes={PALERMO_PURPOSES}
            labelOf={(c) => vocabLabel(t, 'palermoPurpose', c)}
            selected={values.purposes}
            onChange={(next) => set('purposes', next)}
            columns
          />
          <CheckboxGroup
            id={`${FORM_ID}-iloIndicators`}
            legend={labels.iloIndicators}
            hint={t('screening.iloHint')}
            error={errors.fields.iloIndicators}
            codes={ILO_INDICATORS}
            labelOf={(c) => vocabLabel(t, 'iloIndicator', c)}
            selected={values.iloIndicators}
            onChange={(next) => set('iloIndicators', next)}
            columns
          />
          <Field
            id={`${FORM_ID}-ageAtExploitation`}
            label={labels.ageAtExploitation}
            hint={t('screening.ageHint')}
            error={errors.fields.ageAtExploitation}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={3}
                className="input-short"
                value={values.ageAtExploitation}
                onChange={(e) => set('ageAtExploitation', e.target.value)}
              />
            )}
          </Field>
          <Field id={`${FORM_ID}-notes`} label={labels.notes} error={errors.fields.notes}>
            {(aria) => (
              <textarea
                {...aria}
                rows={4}
                maxLength={5000}
                value={values.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </Field>

          {/* Stays in view at the foot of the screen while the boxes above are ticked. */}
          <p className="suggestion-sticky" role="status">
            {t('screening.suggestedNow', { status: vocabLabel(t, 'traffickingStatus', suggestion.suggestedStatus) })}
          </p>
          <section className="suggestion-panel" aria-labelledby="screening-suggestion-title">
            <h4 id="screening-suggestion-title">{t('screening.suggestionTitle')}</h4>
            <p className="suggestion-status">{vocabLabel(t, 'traffickingStatus', suggestion.suggestedStatus)}</p>
            {suggestion.child && (
              <p className="badge-row">
                <span className="badge badge-pending">{t('screening.childRule')}</span>
              </p>
            )}
            <ElementList elements={suggestion.elements} />
            <h5>{t('screening.why')}</h5>
            <ul className="reason-list">
              {suggestion.reasons.map((r) => (
                <li key={r.code}>{reasonText(t, r.code)}</li>
              ))}
            </ul>
            <p className="hint">{t('screening.suggestionNote')}</p>
          </section>

          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {t('screening.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One past screening: what was observed, the suggestion with its explanation, and the determination. */
function ScreeningRecord({
  screening: s,
  caseCode,
  canDecide,
  onDecided,
}: {
  screening: ScreeningDto;
  caseCode: string;
  canDecide: boolean;
  onDecided: () => void;
}) {
  const { t, locale } = useLanguage();
  const d = s.determination;
  const none = t('common.notSet');
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : none);
  return (
    <article className="record" aria-labelledby={`screening-${s.id}-title`}>
      <h4 id={`screening-${s.id}-title`}>
        {t('screening.recordTitle', { date: formatDateTime(s.screenedAt, locale), name: s.screenedByName })}
      </h4>
      <p className="badge-row">
        <span className={`badge badge-determination-${d.state}`}>{vocabLabel(t, 'determinationState', d.state)}</span>
        {s.child && <span className="badge badge-pending">{t('screening.childRule')}</span>}
      </p>
      <dl className="details">
        <dt>{t('screening.suggested')}</dt>
        <dd>{vocabLabel(t, 'traffickingStatus', s.suggestedStatus)}</dd>
        <dt>{t('screening.acts')}</dt>
        <dd>{list(s.acts.map((c) => vocabLabel(t, 'palermoAct', c)))}</dd>
        <dt>{t('screening.means')}</dt>
        <dd>{list(s.means.map((c) => vocabLabel(t, 'palermoMeans', c)))}</dd>
        <dt>{t('screening.purposes')}</dt>
        <dd>{list(s.purposes.map((c) => vocabLabel(t, 'palermoPurpose', c)))}</dd>
        <dt>{t('screening.ilo')}</dt>
        <dd>{list(s.iloIndicators.map((c) => vocabLabel(t, 'iloIndicator', c)))}</dd>
        <dt>{t('screening.age')}</dt>
        <dd>{s.ageAtExploitation ?? none}</dd>
        {s.notes && (
          <>
            <dt>{t('screening.notes')}</dt>
            <dd className="pre-line">{s.notes}</dd>
          </>
        )}
        {d.state !== 'pending' && (
          <>
            <dt>{t('screening.determined')}</dt>
            <dd>{d.status ? vocabLabel(t, 'traffickingStatus', d.status) : none}</dd>
            <dt>{t('screening.decidedBy')}</dt>
            <dd>
              {t('screening.decidedByValue', {
                name: d.decidedByName ?? none,
                agency: d.decisionAgencyName ?? none,
                date: formatDateTime(d.decidedAt, locale),
              })}
            </dd>
            <dt>{t('screening.decisionOrg')}</dt>
            <dd>{d.decisionOrg ? vocabLabel(t, 'decisionOrg', d.decisionOrg) : none}</dd>
            {d.reason && (
              <>
                <dt>{t('screening.overrideReason')}</dt>
                <dd className="pre-line">{d.reason}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <details>
        <summary>{t('screening.why')}</summary>
        <ul className="reason-list">
          {s.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{reasonText(t, r.code)}</li>
          ))}
        </ul>
      </details>
      {canDecide && d.state === 'pending' && (
        <DeterminationForm screening={s} caseCode={caseCode} onDecided={onDecided} />
      )}
    </article>
  );
}

/** A supervisor confirms the suggested status, or sets another one with a reason. */
function DeterminationForm({
  screening,
  caseCode,
  onDecided,
}: {
  screening: ScreeningDto;
  caseCode: string;
  onDecided: () => void;
}) {
  const { t } = useLanguage();
  const formId = `determination-${screening.id}`;
  const [decision, setDecision] = useState<'confirm' | 'override'>('confirm');
  const otherStatuses = TRAFFICKING_STATUSES.filter((s) => s !== screening.suggestedStatus);
  const [status, setStatus] = useState<TraffickingStatus>(otherStatuses[0] ?? 'PossibleVictimOfTrafficking');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();
  const labels = {
    decision: t('screening.decision'),
    status: t('screening.overrideStatus'),
    reason: t('screening.overrideReason'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (decision === 'override' && reason.trim().length < 3)
      return errors.fail({ reason: t('screening.reasonRequired') });
    setPending(true);
    try {
      await decideScreening(
        caseCode,
        screening.id,
        decision === 'confirm' ? { decision: 'confirm' } : { decision: 'override', status, reason: reason.trim() },
      );
      errors.clear();
      onDecided();
    } catch (error) {
      errors.failWith(error, ['decision', 'status', 'reason']);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} className="form determination-box" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <h5>{t('screening.determinationTitle')}</h5>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <RadioGroup
        id={`${formId}-decision`}
        name={`${formId}-decision`}
        legend={labels.decision}
        codes={['confirm', 'override'] as const}
        labelOf={(c) =>
          c === 'confirm'
            ? t('screening.confirm', { status: vocabLabel(t, 'traffickingStatus', screening.suggestedStatus) })
            : t('screening.override')
        }
        value={decision}
        onChange={setDecision}
      />
      {decision === 'override' && (
        <>
          <Field id={`${formId}-status`} label={labels.status} error={errors.fields.status}>
            {(aria) => (
              <select
                {...aria}
                value={status}
                onChange={(e) => setStatus(TRAFFICKING_STATUSES.find((s) => s === e.target.value) ?? status)}
              >
                {otherStatuses.map((s) => (
                  <option key={s} value={s}>
                    {vocabLabel(t, 'traffickingStatus', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${formId}-reason`} label={labels.reason} error={errors.fields.reason} required>
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {decision === 'confirm' ? t('screening.confirmSubmit') : t('screening.overrideSubmit')}
        </button>
      </div>
    </form>
  );
}
