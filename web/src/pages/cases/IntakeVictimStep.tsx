import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  LABOUR_INDUSTRIES,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
  WEBSITES_AND_APPS,
} from '@kinga/shared/picklists';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { Field } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import type { VictimValues } from './intake-values.ts';

/** Step 2: the victim details of HTCDS, where the person was identified, and their account. */
export function IntakeVictimStep({
  victim,
  set,
  errorOf,
}: {
  victim: VictimValues;
  set: <K extends keyof VictimValues>(key: K, value: VictimValues[K]) => void;
  errorOf: (key: string) => string | undefined;
}) {
  const { t } = useLanguage();
  const { instance } = useSession();
  return (
    <>
      <Field
        id="intake-victim-relationshipToTrafficker"
        label={t('intake.field.relationship')}
        error={errorOf('victim-relationshipToTrafficker')}
      >
        {(aria) => (
          <select
            {...aria}
            value={victim.relationshipToTrafficker}
            onChange={(e) =>
              set('relationshipToTrafficker', RELATIONSHIPS_TO_TRAFFICKER.find((x) => x === e.target.value) ?? '')
            }
          >
            <option value="">{t('common.notSet')}</option>
            {RELATIONSHIPS_TO_TRAFFICKER.map((x) => (
              <option key={x} value={x}>
                {vocabLabel(t, 'relationship', x)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="intake-victim-ageWhenTrafficked"
        label={t('intake.field.ageWhenTrafficked')}
        error={errorOf('victim-ageWhenTrafficked')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={3}
            className="input-short"
            value={victim.ageWhenTrafficked}
            onChange={(e) => set('ageWhenTrafficked', e.target.value)}
          />
        )}
      </Field>
      <CheckboxGroup
        id="intake-victim-exploitationTypes"
        legend={t('intake.field.exploitationTypes')}
        error={errorOf('victim-exploitationTypes')}
        codes={EXPLOITATION_TYPES}
        labelOf={(code) => vocabLabel(t, 'exploitationType', code)}
        selected={victim.exploitationTypes}
        onChange={(next) => set('exploitationTypes', next)}
        columns
      />
      {victim.exploitationTypes.includes('ForcedLabour') && (
        <Field
          id="intake-victim-labourIndustry"
          label={t('intake.field.labourIndustry')}
          error={errorOf('victim-labourIndustry')}
        >
          {(aria) => (
            <select
              {...aria}
              value={victim.labourIndustry}
              onChange={(e) => set('labourIndustry', LABOUR_INDUSTRIES.find((x) => x === e.target.value) ?? '')}
            >
              <option value="">{t('common.notSet')}</option>
              {LABOUR_INDUSTRIES.map((x) => (
                <option key={x} value={x}>
                  {vocabLabel(t, 'labourIndustry', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {victim.exploitationTypes.includes('SexualExploitation') && (
        <CheckboxGroup
          id="intake-victim-sexExploitationTypes"
          legend={t('intake.field.sexExploitationTypes')}
          error={errorOf('victim-sexExploitationTypes')}
          codes={SEX_EXPLOITATION_TYPES}
          labelOf={(code) => vocabLabel(t, 'sexExploitationType', code)}
          selected={victim.sexExploitationTypes}
          onChange={(next) => set('sexExploitationTypes', next)}
        />
      )}
      <CheckboxGroup
        id="intake-victim-recruitmentMethods"
        legend={t('intake.field.recruitmentMethods')}
        error={errorOf('victim-recruitmentMethods')}
        codes={RECRUITMENT_METHODS}
        labelOf={(code) => vocabLabel(t, 'recruitmentMethod', code)}
        selected={victim.recruitmentMethods}
        onChange={(next) => set('recruitmentMethods', next)}
        columns
      />
      <CheckboxGroup
        id="intake-victim-recruitmentWebsites"
        legend={t('intake.field.recruitmentWebsites')}
        error={errorOf('victim-recruitmentWebsites')}
        codes={WEBSITES_AND_APPS}
        labelOf={(code) => vocabLabel(t, 'website', code)}
        selected={victim.recruitmentWebsites}
        onChange={(next) => set('recruitmentWebsites', next)}
        columns
      />
      <CheckboxGroup
        id="intake-victim-controlMethods"
        legend={t('intake.field.controlMethods')}
        error={errorOf('victim-controlMethods')}
        codes={CONTROL_METHODS}
        labelOf={(code) => vocabLabel(t, 'controlMethod', code)}
        selected={victim.controlMethods}
        onChange={(next) => set('controlMethods', next)}
        columns
      />
      <Field
        id="intake-countyCode"
        label={t('intake.field.countyIdentified')}
        hint={t('intake.countyIdentifiedHint')}
        error={errorOf('countyCode')}
      >
        {(aria) => (
          <select {...aria} value={victim.countyCode} onChange={(e) => set('countyCode', e.target.value)}>
            <option value="">{t('common.notSet')}</option>
            {instance.counties.map((c) => (
              <option key={c.code} value={String(c.code)}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="intake-narrative"
        label={t('intake.field.narrative')}
        hint={t('intake.narrativeHint')}
        error={errorOf('narrative')}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={8}
            maxLength={10_000}
            value={victim.narrative}
            onChange={(e) => set('narrative', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
