import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useBeforeUnload, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseDto } from '@kinga/shared';
import { ApiError, type ApiIssue } from '../../api/client.ts';
import { createCaseDraft, getIntake, submitCase, updateCaseIntake } from '../../api/intake.ts';
import { ErrorSummary, LoadError, describeError, isEmail, isPhone, issueMessage } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { IntakePersonStep } from './IntakePersonStep.tsx';
import { IntakeReviewStep } from './IntakeReviewStep.tsx';
import { IntakeRouteStep } from './IntakeRouteStep.tsx';
import { IntakeVictimStep } from './IntakeVictimStep.tsx';
import { STEP_TITLES, labelOfKey, type IntakeIssue } from './intake-labels.ts';
import {
  INTAKE_STEPS,
  currentAge,
  emptyIntakeValues,
  fieldKeyOfIssuePath,
  inputOfSteps,
  normalizeIssuePath,
  stepOfIssuePath,
  valuesFromCase,
  type EventValues,
  type FormStep,
  type IntakeStep,
  type IntakeValues,
  type PersonValues,
  type VictimValues,
} from './intake-values.ts';

const FORM_ID = 'intake';

function isIntakeStep(value: string | null): value is IntakeStep {
  return (INTAKE_STEPS as readonly string[]).includes(value ?? '');
}

interface HandedOverDraft {
  caseDto: CaseDto;
  values: IntakeValues;
  savedAt: string;
}

/**
 * The form as it was when a new draft got its code, handed to the page that `/cases/:code/edit`
 * mounts, so the first save does not cost another round trip (and another audited reveal).
 * Memory only, and cleared as soon as that page has taken it.
 */
let handedOverDraft: HandedOverDraft | null = null;

function handOverDraft(draft: HandedOverDraft | null): void {
  handedOverDraft = draft;
}

function findHandedOverDraft(code: string | undefined): HandedOverDraft | null {
  return code !== undefined && handedOverDraft?.caseDto.code === code ? handedOverDraft : null;
}

/**
 * The intake wizard: `/cases/new` starts a case, `/cases/:code/edit` resumes a draft or edits
 * a registered case's intake. Each step is saved to the server before the next one opens, so
 * work done survives a lost connection; nothing personal is kept in the browser's storage.
 */
export function IntakePage() {
  const { code } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { t, language, locale } = useLanguage();

  const stepParam = searchParams.get('step');
  const step: IntakeStep = isIntakeStep(stepParam) ? stepParam : 'person';

  const [handedOver] = useState(() => findHandedOverDraft(code));
  const [values, setValues] = useState<IntakeValues>(() => handedOver?.values ?? emptyIntakeValues());
  const [caseDto, setCaseDto] = useState<CaseDto | null>(handedOver?.caseDto ?? null);
  /** The case whose values the form holds. */
  const [loadedCode, setLoadedCode] = useState<string | undefined>(handedOver?.caseDto.code);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [dirty, setDirty] = useState<ReadonlySet<FormStep>>(new Set());
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(handedOver?.savedAt ?? null);
  const [issues, setIssues] = useState<IntakeIssue[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const loading = code !== undefined && loadedCode !== code && !loadError;

  useEffect(() => handOverDraft(null), []);

  useEffect(() => {
    if (code === undefined || loadedCode === code) return;
    let cancelled = false;
    setLoadError(null);
    getIntake(code)
      .then(({ caseDto: found, revealed }) => {
        if (cancelled) return;
        setCaseDto(found);
        setValues(valuesFromCase(found, revealed));
        setLoadedCode(code);
        setDirty(new Set());
        setSavedAt(null);
        setIssues([]);
        setGeneral([]);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [code, loadedCode]);

  // Unsaved answers would be lost by closing the tab; the browser asks first.
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (dirty.size > 0) event.preventDefault();
      },
      [dirty],
    ),
  );

  // A link from the review list ("?step=victim#intake-narrative") moves focus to the field,
  // after the step's own error summary has taken it on mounting.
  useEffect(() => {
    if (loading || !location.hash) return;
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      target?.scrollIntoView({ block: 'center' });
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [step, location.hash, loading]);

  const setPerson = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => {
    setValues((v) => ({ ...v, person: { ...v.person, [key]: value } }));
    setDirty((d) => new Set(d).add('person'));
  };
  const setVictim = <K extends keyof VictimValues>(key: K, value: VictimValues[K]) => {
    setValues((v) => ({ ...v, victim: { ...v.victim, [key]: value } }));
    setDirty((d) => new Set(d).add('victim'));
  };
  const setEvents = (update: (events: EventValues[]) => EventValues[]) => {
    setValues((v) => ({ ...v, events: update(v.events) }));
    setDirty((d) => new Set(d).add('route'));
  };

  const showIssues = (next: IntakeIssue[], nextGeneral: string[] = []) => {
    setIssues(next);
    setGeneral(nextGeneral);
    setAttempt((a) => a + 1);
  };

  const toIssues = (apiIssues: ApiIssue[]): IntakeIssue[] =>
    apiIssues.map((issue) => ({
      step: stepOfIssuePath(issue.path),
      key: fieldKeyOfIssuePath(issue.path) || normalizeIssuePath(issue.path),
      message: issueMessage(issue, t, language),
    }));

  /** Checks in the browser what the server would refuse anyway, so a slow link is spared a round trip. */
  const checkStep = (current: IntakeStep): IntakeIssue[] => {
    const found: IntakeIssue[] = [];
    if (current !== 'person') return found;
    const p = values.person;
    if (p.email.trim() && !isEmail(p.email))
      found.push({ step: 'person', key: 'contact-email', message: t('errors.email') });
    if (p.phone.trim() && !isPhone(p.phone))
      found.push({ step: 'person', key: 'contact-phone', message: t('errors.phone') });
    if (p.ageBy === 'estimate' && p.estimatedAge.trim() && currentAge(p) === null) {
      found.push({ step: 'person', key: 'age', message: t('intake.error.age') });
    }
    if (p.ageBy === 'birthDate' && p.birthDate && currentAge(p) === null) {
      found.push({ step: 'person', key: 'age', message: t('intake.error.birthDate') });
    }
    return found;
  };

  /**
   * Saves the changed steps: the first save creates the draft and moves to its address.
   * Returns the saved case, or null when saving failed (the form keeps what was typed).
   */
  const save = async (current: IntakeStep, nextStep: IntakeStep): Promise<CaseDto | null> => {
    const clientIssues = checkStep(current);
    if (clientIssues.length > 0) {
      // Problems the server reported on other steps stay listed until those steps are saved.
      showIssues([...issues.filter((i) => i.step !== current), ...clientIssues]);
      return null;
    }
    const changed: FormStep[] = [...dirty];
    if (caseDto && changed.length === 0) return caseDto;
    setSaving(true);
    try {
      const saved = caseDto
        ? await updateCaseIntake(caseDto.code, inputOfSteps(values, changed))
        : await createCaseDraft(inputOfSteps(values, ['person', 'victim', 'route']));
      const now = new Date().toISOString();
      if (!caseDto) {
        // The draft now has an address: reloading, or coming back later, resumes it there.
        handOverDraft({ caseDto: saved, values, savedAt: now });
        await navigate(`/cases/${encodeURIComponent(saved.code)}/edit?step=${nextStep}`, { replace: true });
        return saved;
      }
      setCaseDto(saved);
      setDirty(new Set());
      setSavedAt(now);
      const savedSteps: IntakeStep[] = [current, ...changed];
      setIssues((list) => list.filter((i) => !savedSteps.includes(i.step)));
      setGeneral([]);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) showIssues(toIssues(error.issues));
      else if (error instanceof ApiError && error.status === 0) showIssues(issues, [t('intake.saveFailedOffline')]);
      else showIssues(issues, [describeError(error, t)]);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const goTo = async (next: IntakeStep) => {
    if (next === step) return;
    const saved = await save(step, next);
    if (!saved) return;
    // The first save already moved to the draft's address with the next step.
    if (caseDto) setSearchParams({ step: next });
  };

  const handleStepSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = INTAKE_STEPS[INTAKE_STEPS.indexOf(step) + 1];
    if (next) void goTo(next);
  };

  const handleRegister = async () => {
    const saved = await save('review', 'review');
    if (!saved) return;
    setSaving(true);
    try {
      const registered = await submitCase(saved.code);
      setCaseDto(registered);
      await navigate(`/cases/${encodeURIComponent(registered.code)}`);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) showIssues(toIssues(error.issues));
      else showIssues([], [describeError(error, t)]);
    } finally {
      setSaving(false);
    }
  };

  const isDraft = caseDto?.draft ?? true;
  const title =
    code === undefined
      ? t('intake.titleNew')
      : isDraft
        ? t('intake.titleDraft', { code })
        : t('intake.titleEdit', { code });

  if (loadError) {
    return (
      <Page title={title}>
        <LoadError error={loadError} />
        <p>
          <Link to="/cases">{t('intake.backToCases')}</Link>
        </p>
      </Page>
    );
  }
  if (loading) {
    return (
      <Page title={title}>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  }
  if (caseDto && !caseDto.canEdit) {
    return (
      <Page title={title}>
        <p className="warning">{t('intake.notEditable')}</p>
        <p>
          <Link to={`/cases/${encodeURIComponent(caseDto.code)}`}>{t('intake.backToCase')}</Link>
        </p>
      </Page>
    );
  }

  const stepIssues = issues.filter((i) => i.step === step);
  const errorOf = (key: string) => stepIssues.find((i) => i.key === key)?.message;
  const summaryFields = Object.fromEntries(stepIssues.map((i) => [i.key, i.message]));
  const summaryLabels = Object.fromEntries(stepIssues.map((i) => [i.key, labelOfKey(i.key, t)]));
  const stepNumber = INTAKE_STEPS.indexOf(step) + 1;

  let saveStatus: string | null = null;
  if (saving) saveStatus = t('intake.saving');
  else if (dirty.size > 0) saveStatus = t('intake.unsaved');
  else if (savedAt) {
    saveStatus = t(isDraft ? 'intake.draftSaved' : 'intake.changesSaved', { time: formatDateTime(savedAt, locale) });
  }

  return (
    <Page title={title}>
      <p className="hint">{t(isDraft ? 'intake.introDraft' : 'intake.introEdit')}</p>
      <nav aria-label={t('intake.stepsLabel')} className="steps">
        <ol>
          {INTAKE_STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="step-button"
                aria-current={s === step ? 'step' : undefined}
                disabled={saving}
                onClick={() => void goTo(s)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="visually-hidden">
                  {t('intake.stepOf', { number: i + 1, total: INTAKE_STEPS.length })}
                </span>
                <span className="step-name">{t(STEP_TITLES[s])}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="save-status" role="status">
        {saveStatus}
      </p>

      <h2 id="intake-step-title">
        {t('intake.stepHeading', {
          number: stepNumber,
          total: INTAKE_STEPS.length,
          title: t(STEP_TITLES[step]),
        })}
      </h2>

      {step === 'review' ? (
        <IntakeReviewStep
          values={values}
          caseDto={caseDto}
          issues={issues}
          general={general}
          attempt={attempt}
          saving={saving}
          onRegister={() => void handleRegister()}
          onSave={() => void save('review', 'review')}
          dirty={dirty.size > 0}
        />
      ) : (
        <form id={FORM_ID} className="form" noValidate aria-labelledby="intake-step-title" onSubmit={handleStepSubmit}>
          <ErrorSummary
            formId={FORM_ID}
            fields={summaryFields}
            general={general}
            attempt={attempt}
            labels={summaryLabels}
          />
          {step === 'person' && (
            <IntakePersonStep person={values.person} set={setPerson} errorOf={errorOf} exceptCode={caseDto?.code} />
          )}
          {step === 'victim' && <IntakeVictimStep victim={values.victim} set={setVictim} errorOf={errorOf} />}
          {step === 'route' && <IntakeRouteStep events={values.events} setEvents={setEvents} errorOf={errorOf} />}
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {t('intake.saveContinue')}
            </button>
            {stepNumber > 1 && (
              <button
                type="button"
                className="button-secondary"
                disabled={saving}
                onClick={() => void goTo(INTAKE_STEPS[stepNumber - 2] ?? 'person')}
              >
                {t('intake.back')}
              </button>
            )}
            <Link to={caseDto ? `/cases/${encodeURIComponent(caseDto.code)}` : '/cases'}>
              {t(caseDto ? 'intake.backToCase' : 'intake.backToCases')}
            </Link>
          </div>
        </form>
      )}
    </Page>
  );
}
