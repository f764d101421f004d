import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EDUCATION_LEVELS, GENDERS, PERSON_LANGUAGES } from '@kinga/shared/picklists';
import { checkDuplicates, type DuplicateResultDto } from '../../api/intake.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { Field } from '../../components/forms.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName, vocabLabel } from '../../i18n/vocab.ts';
import { personLanguageName } from './intake-labels.ts';
import { todayIso } from './case-format.ts';
import { currentAge, type PersonValues } from './intake-values.ts';

const MAX_CITIZENSHIPS = 5;
const MAX_LANGUAGES = 8;

/** Step 1: who the person is; identifying details are encrypted on the server. Runs the duplicate check. */
export function IntakePersonStep({
  person,
  set,
  errorOf,
  exceptCode,
}: {
  person: PersonValues;
  set: <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => void;
  errorOf: (key: string) => string | undefined;
  exceptCode: string | undefined;
}) {
  const { t, language } = useLanguage();
  const [citizenshipChoice, setCitizenshipChoice] = useState<PersonValues['citizenships'][number] | ''>('');
  // The duplicate check runs when a name or date field is left, not on every key press (slow links).
  const [duplicateKey, setDuplicateKey] = useState(() => duplicateKeyOf(person));
  const refreshDuplicates = () => setDuplicateKey(duplicateKeyOf(person));
  /** Sets a choice the duplicate check compares, and checks again at once. */
  const setAndRecheck = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => {
    set(key, value);
    setDuplicateKey(duplicateKeyOf({ ...person, [key]: value }));
  };
  const age = currentAge(person);

  const addCitizenship = () => {
    if (!citizenshipChoice || person.citizenships.includes(citizenshipChoice)) return;
    setAndRecheck('citizenships', [...person.citizenships, citizenshipChoice]);
    setCitizenshipChoice('');
  };

  return (
    <>
      <p className="hint">{t('intake.person.identityHint')}</p>
      <Field id="intake-identity-firstName" label={t('intake.field.firstName')} error={errorOf('identity-firstName')}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={person.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            onBlur={refreshDuplicates}
          />
        )}
      </Field>
      <Field
        id="intake-identity-middleName"
        label={t('intake.field.middleName')}
        error={errorOf('identity-middleName')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={person.middleName}
            onChange={(e) => set('middleName', e.target.value)}
          />
        )}
      </Field>
      <Field id="intake-identity-lastName" label={t('intake.field.lastName')} error={errorOf('identity-lastName')}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={person.lastName}
            onChange={(e) => set('lastName', e.target.value)}
            onBlur={refreshDuplicates}
          />
        )}
      </Field>
      <Field id="intake-profile-gender" label={t('intake.field.gender')} error={errorOf('profile-gender')}>
        {(aria) => (
          <select
            {...aria}
            value={person.gender}
            onChange={(e) => setAndRecheck('gender', GENDERS.find((g) => g === e.target.value) ?? '')}
          >
            <option value="">{t('common.notSet')}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {vocabLabel(t, 'gender', g)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <RadioGroup
        id="intake-age"
        name="intake-age-by"
        legend={t('intake.field.age')}
        error={errorOf('age')}
        codes={['birthDate', 'estimate'] as const}
        labelOf={(c) => t(c === 'birthDate' ? 'intake.age.byBirthDate' : 'intake.age.byEstimate')}
        value={person.ageBy}
        onChange={(next) => setAndRecheck('ageBy', next)}
      />
      {person.ageBy === 'birthDate' ? (
        <Field
          id="intake-identity-birthDate"
          label={t('intake.field.birthDate')}
          hint={age !== null ? t('intake.age.computed', { age }) : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              max={todayIso()}
              value={person.birthDate}
              onChange={(e) => set('birthDate', e.target.value)}
              onBlur={refreshDuplicates}
            />
          )}
        </Field>
      ) : (
        <Field
          id="intake-profile-estimatedAge"
          label={t('intake.field.estimatedAge')}
          hint={t('intake.age.estimateHint')}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={3}
              className="input-short"
              value={person.estimatedAge}
              onChange={(e) => set('estimatedAge', e.target.value)}
              onBlur={refreshDuplicates}
            />
          )}
        </Field>
      )}
      {age !== null && age < 18 && <p className="warning">{t('intake.age.child')}</p>}
      <DuplicatePanel duplicateKey={duplicateKey} exceptCode={exceptCode} />

      <fieldset
        id="intake-profile-citizenships"
        tabIndex={-1}
        className={errorOf('profile-citizenships') ? 'checkbox-group field-invalid' : 'checkbox-group'}
      >
        <legend>{t('intake.field.citizenships')}</legend>
        {errorOf('profile-citizenships') && <p className="field-error">{errorOf('profile-citizenships')}</p>}
        {person.citizenships.length > 0 ? (
          <ul className="chip-list">
            {person.citizenships.map((c) => (
              <li key={c} className="chip">
                <span>{countryName(language, c)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('intake.removeNamed', { name: countryName(language, c) })}
                  onClick={() =>
                    setAndRecheck(
                      'citizenships',
                      person.citizenships.filter((x) => x !== c),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('intake.citizenship.none')}</p>
        )}
        {person.citizenships.length < MAX_CITIZENSHIPS && (
          <div className="add-row">
            <label htmlFor="intake-citizenship-choice" className="visually-hidden">
              {t('intake.citizenship.choose')}
            </label>
            <CountrySelect
              id="intake-citizenship-choice"
              value={citizenshipChoice}
              onChange={setCitizenshipChoice}
              placeholder={t('intake.citizenship.choose')}
              exclude={person.citizenships}
            />
            <button type="button" className="button-secondary" disabled={!citizenshipChoice} onClick={addCitizenship}>
              {t('intake.add')}
            </button>
          </div>
        )}
      </fieldset>

      <CheckboxGroup
        id="intake-profile-languages"
        legend={t('intake.field.languages')}
        hint={t('intake.languagesHint', { max: MAX_LANGUAGES })}
        error={errorOf('profile-languages')}
        codes={PERSON_LANGUAGES}
        labelOf={(code) => personLanguageName(t, language, code)}
        selected={person.languages}
        onChange={(next) => set('languages', next)}
        max={MAX_LANGUAGES}
        columns
      />
      <Field id="intake-profile-education" label={t('intake.field.education')} error={errorOf('profile-education')}>
        {(aria) => (
          <select
            {...aria}
            value={person.education}
            onChange={(e) => set('education', EDUCATION_LEVELS.find((x) => x === e.target.value) ?? '')}
          >
            <option value="">{t('common.notSet')}</option>
            {EDUCATION_LEVELS.map((x) => (
              <option key={x} value={x}>
                {vocabLabel(t, 'education', x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="intake-identity-identityNumber"
        label={t('intake.field.identityNumber')}
        hint={t('intake.identityNumberHint')}
        error={errorOf('identity-identityNumber')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            maxLength={50}
            value={person.identityNumber}
            onChange={(e) => set('identityNumber', e.target.value)}
          />
        )}
      </Field>
      <Field id="intake-contact-phone" label={t('intake.field.phone')} error={errorOf('contact-phone')}>
        {(aria) => (
          <input
            {...aria}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={40}
            value={person.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        )}
      </Field>
      <Field id="intake-contact-email" label={t('intake.field.email')} error={errorOf('contact-email')}>
        {(aria) => (
          <input
            {...aria}
            type="email"
            inputMode="email"
            autoComplete="off"
            maxLength={200}
            value={person.email}
            onChange={(e) => set('email', e.target.value)}
          />
        )}
      </Field>
      <Field id="intake-contact-address" label={t('intake.field.address')} error={errorOf('contact-address')}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={500}
            value={person.address}
            onChange={(e) => set('address', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** What the duplicate check compares, as a string that changes only when one of them does. */
function duplicateKeyOf(p: PersonValues): string {
  return JSON.stringify({
    firstName: p.firstName.trim(),
    lastName: p.lastName.trim(),
    birthDate: p.ageBy === 'birthDate' ? p.birthDate || null : null,
    estimatedAge: currentAge(p),
    gender: p.gender || null,
    citizenship: p.citizenships[0] ?? null,
  });
}

type DuplicateState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; result: DuplicateResultDto }
  | { phase: 'failed'; error: unknown };

/** Possible matches of the person being registered: cases the user may open, or a neutral notice. */
function DuplicatePanel({ duplicateKey, exceptCode }: { duplicateKey: string; exceptCode: string | undefined }) {
  const { t, locale } = useLanguage();
  const [state, setState] = useState<DuplicateState>({ phase: 'idle' });

  useEffect(() => {
    const query = JSON.parse(duplicateKey) as {
      firstName: string;
      lastName: string;
      birthDate: string | null;
      estimatedAge: number | null;
      gender: PersonValues['gender'] | null;
      citizenship: PersonValues['citizenships'][number] | null;
    };
    if (!query.firstName || !query.lastName) {
      setState({ phase: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ phase: 'checking' });
    checkDuplicates({
      firstName: query.firstName,
      lastName: query.lastName,
      birthDate: query.birthDate,
      estimatedAge: query.estimatedAge,
      gender: query.gender || null,
      citizenship: query.citizenship,
      ...(exceptCode ? { exceptCode } : {}),
    })
      .then((result) => {
        if (!cancelled) setState({ phase: 'done', result });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', error });
      });
    return () => {
      cancelled = true;
    };
  }, [duplicateKey, exceptCode]);

  const found = state.phase === 'done' && (state.result.matches.length > 0 || state.result.matchElsewhere);
  return (
    <section
      className={found ? 'duplicate-panel duplicate-found' : 'duplicate-panel'}
      aria-labelledby="intake-duplicates-title"
    >
      <h3 id="intake-duplicates-title">{t('intake.duplicates.title')}</h3>
      <div aria-live="polite">
        {state.phase === 'idle' && <p className="muted">{t('intake.duplicates.idle')}</p>}
        {state.phase === 'checking' && <p className="muted">{t('intake.duplicates.checking')}</p>}
        {state.phase === 'failed' && <p className="muted">{t('intake.duplicates.failed')}</p>}
        {state.phase === 'done' && !found && <p>{t('intake.duplicates.none')}</p>}
        {state.phase === 'done' && state.result.matches.length > 0 && (
          <>
            <p>{t('intake.duplicates.matches', { count: state.result.matches.length })}</p>
            <ul>
              {state.result.matches.map((m) => (
                <li key={m.code}>
                  <Link to={`/cases/${encodeURIComponent(m.code)}`} className="mono">
                    {m.code}
                  </Link>{' '}
                  · {vocabLabel(t, 'caseStatus', m.status)} · {formatDate(m.createdAt, locale)}
                </li>
              ))}
            </ul>
          </>
        )}
        {state.phase === 'done' && state.result.matchElsewhere && <p>{t('intake.duplicates.elsewhere')}</p>}
      </div>
    </section>
  );
}
