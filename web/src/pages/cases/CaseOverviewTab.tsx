import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseDto } from '@kinga/shared';
import { countyName } from '../../components/labels.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName, languageName, vocabLabel, type VocabList } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { CaseLifecycle } from './CaseLifecycle.tsx';

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The case at a glance: the person's profile, victim details and where the case stands. */
export function CaseOverviewTab({
  caseDto,
  reload,
  onCaseChange,
}: {
  caseDto: CaseDto;
  reload: () => void;
  onCaseChange?: (caseDto: CaseDto) => void;
}) {
  const { t, language } = useLanguage();
  const { instance } = useSession();
  const { profile, victim } = caseDto;
  const notSet = <span className="muted">{t('common.notSet')}</span>;
  const labels = (list: VocabList, codes: readonly string[]) =>
    codes.length > 0 ? codes.map((code) => vocabLabel(t, list, code)).join(', ') : notSet;
  const label = (list: VocabList, code: string | null) => (code ? vocabLabel(t, list, code) : notSet);

  return (
    <>
      <h2>{t('cases.tab.overview')}</h2>
      {caseDto.draft && <p className="warning">{t('cases.draftNotice')}</p>}
      {caseDto.canEdit && (
        <p>
          <Link to={`/cases/${caseDto.code}/edit`} className="button-link button-secondary">
            {caseDto.draft ? t('cases.continueRegistration') : t('cases.editIntake')}
          </Link>
        </p>
      )}

      <section aria-labelledby="case-profile-title">
        <h3 id="case-profile-title">{t('cases.profile.title')}</h3>
        <dl className="details">
          <Detail term={t('cases.profile.sex')}>{label('gender', profile.gender)}</Detail>
          <Detail term={t('cases.profile.estimatedAge')}>
            {profile.estimatedAge !== null ? t('cases.profile.years', { age: profile.estimatedAge }) : notSet}
          </Detail>
          <Detail term={t('cases.profile.ageBand')}>{label('ageBand', caseDto.ageBand)}</Detail>
          <Detail term={t('cases.profile.citizenships')}>
            {profile.citizenships.length > 0
              ? profile.citizenships.map((c) => countryName(language, c)).join(', ')
              : notSet}
          </Detail>
          <Detail term={t('cases.profile.languages')}>
            {profile.languages.length > 0 ? profile.languages.map((l) => languageName(language, l)).join(', ') : notSet}
          </Detail>
          <Detail term={t('cases.profile.education')}>{label('education', profile.education)}</Detail>
          <Detail term={t('cases.profile.county')}>
            {caseDto.countyCode !== null ? countyName(instance, caseDto.countyCode) : notSet}
          </Detail>
        </dl>
      </section>

      {victim && (
        <section aria-labelledby="case-victim-title">
          <h3 id="case-victim-title">{t('cases.victim.title')}</h3>
          <dl className="details">
            <Detail term={t('cases.victim.exploitationTypes')}>
              {labels('exploitationType', victim.exploitationTypes)}
            </Detail>
            {victim.labourIndustry && (
              <Detail term={t('cases.victim.labourIndustry')}>{label('labourIndustry', victim.labourIndustry)}</Detail>
            )}
            {victim.sexExploitationTypes.length > 0 && (
              <Detail term={t('cases.victim.sexExploitationTypes')}>
                {labels('sexExploitationType', victim.sexExploitationTypes)}
              </Detail>
            )}
            <Detail term={t('cases.victim.ageWhenTrafficked')}>
              {victim.ageWhenTrafficked !== null ? t('cases.profile.years', { age: victim.ageWhenTrafficked }) : notSet}
            </Detail>
            <Detail term={t('cases.victim.relationship')}>
              {label('relationship', victim.relationshipToTrafficker)}
            </Detail>
            <Detail term={t('cases.victim.recruitmentMethods')}>
              {labels('recruitmentMethod', victim.recruitmentMethods)}
            </Detail>
            <Detail term={t('cases.victim.recruitmentWebsites')}>
              {labels('website', victim.recruitmentWebsites)}
            </Detail>
            <Detail term={t('cases.victim.controlMethods')}>{labels('controlMethod', victim.controlMethods)}</Detail>
          </dl>
        </section>
      )}

      <CaseLifecycle caseDto={caseDto} reload={reload} onCaseChange={onCaseChange ?? reload} />
    </>
  );
}
