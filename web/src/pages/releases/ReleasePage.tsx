import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { getRelease, releaseCodebookUrl, releaseCsvUrl } from '../../api/releases.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { LoadError } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage, type Translate } from '../../i18n/i18n.tsx';
import { attributeLabel, attributeLabelWithName, generalisationLabel } from './release-labels.ts';

/** A term and its value, with a plain sentence on what it means. */
function Metric({ term, hint, children }: { term: string; hint?: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <div className="metric-value">{children}</div>
        {hint && <p className="hint">{hint}</p>}
      </dd>
    </>
  );
}

function periodText(t: Translate, from: string | null, to: string | null): string {
  if (from && to) return t('releases.periodRange', { from, to });
  if (from) return t('releases.periodFrom', { from });
  if (to) return t('releases.periodTo', { to });
  return t('releases.allYears');
}

/** A small number written out in full (0.000001), as the form takes it. */
function smallDecimal(value: number): string {
  return value >= 0.001 ? String(value) : value.toFixed(12).replace(/0+$/, '');
}

/** One release: its parameters, who built it and when, its utility and protection figures, and its downloads. */
export function ReleasePage() {
  const { id = '' } = useParams();
  const { t, locale } = useLanguage();
  const location = useLocation();
  const loaded = useLoad(id, () => getRelease(id));
  const release = loaded.data?.id === id ? loaded.data : null;
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (!release) {
    return (
      <Page title={t('releases.detailTitle')}>
        {loaded.error ? <LoadError error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}
        <p>
          <Link to="/releases">{t('releases.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const number = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const countShare = (count: number, share: number) =>
    t('releases.metric.countShare', { count: number.format(count), share: percent.format(share) });
  const error = (value: number | null) => (value === null ? t('releases.metric.notMeasured') : decimal.format(value));

  const { params, metrics } = release;
  const k = params.kAnonymity;
  const dp = params.dp;
  const generalisation = k ? Object.entries(k.generalisation) : [];

  return (
    <Page title={release.title}>
      <div className="release-page">
        <p className="back-link">
          <Link to="/releases">{t('releases.backToList')}</Link>
        </p>
        <FocusedNotice message={created ? t('releases.created') : null} />

        <section aria-labelledby="release-utility">
          <h2 id="release-utility">{t('releases.utility')}</h2>
          <p>{t('releases.utilityIntro')}</p>
          <dl className="details release-metrics">
            <Metric
              term={t('releases.metric.records')}
              hint={t(
                release.method === 'k_anonymity' ? 'releases.metric.recordsHintK' : 'releases.metric.recordsHintDp',
              )}
            >
              {t('releases.metric.recordsValue', {
                released: number.format(metrics.releasedRecords),
                real: number.format(metrics.realRecords),
              })}
            </Metric>
            {release.method === 'k_anonymity' && (
              <>
                <Metric term={t('releases.metric.recordsSuppressed')} hint={t('releases.metric.recordsSuppressedHint')}>
                  {countShare(metrics.recordsSuppressed, metrics.recordsSuppressedShare)}
                </Metric>
                <Metric term={t('releases.metric.valuesGeneralised')} hint={t('releases.metric.valuesGeneralisedHint')}>
                  {countShare(metrics.valuesGeneralised, metrics.valuesGeneralisedShare)}
                </Metric>
              </>
            )}
            <Metric term={t('releases.metric.valuesSuppressed')} hint={t('releases.metric.valuesSuppressedHint')}>
              {countShare(metrics.valuesSuppressed, metrics.valuesSuppressedShare)}
            </Metric>
            <Metric term={t('releases.metric.marginalError')} hint={t('releases.metric.marginalErrorHint')}>
              <ul className="release-figures">
                <li>{t('releases.metric.oneWay', { value: error(metrics.marginalError.oneWay) })}</li>
                <li>{t('releases.metric.twoWay', { value: error(metrics.marginalError.twoWay) })}</li>
                <li>{t('releases.metric.threeWay', { value: error(metrics.marginalError.threeWay) })}</li>
              </ul>
            </Metric>
            <Metric term={t('releases.metric.fabricated')} hint={t('releases.metric.fabricatedHint')}>
              {countShare(metrics.combinationsFabricated, metrics.combinationsFabricatedShare)}
            </Metric>
            {metrics.noiseSigma && metrics.noiseSigma.length > 0 && (
              <Metric term={t('releases.metric.noise')} hint={t('releases.metric.noiseHint')}>
                <ul className="release-figures">
                  {metrics.noiseSigma.map((sigma, index) => (
                    <li key={index}>
                      {t('releases.metric.noiseLength', { length: index + 1, sigma: decimal.format(sigma) })}
                    </li>
                  ))}
                </ul>
              </Metric>
            )}
          </dl>
        </section>

        <section aria-labelledby="release-downloads" className="panel">
          <h2 id="release-downloads">{t('releases.downloads')}</h2>
          <p className="hint">{t('releases.downloadsHint')}</p>
          <div className="export-links">
            <a className="button-link" href={releaseCsvUrl(release.id)} download>
              {t('releases.downloadCsv')}
            </a>
            <a className="button-link button-secondary" href={releaseCodebookUrl(release.id)} download>
              {t('releases.downloadCodebook')}
            </a>
          </div>
        </section>

        <section aria-labelledby="release-parameters">
          <h2 id="release-parameters">{t('releases.parameters')}</h2>
          <dl className="details">
            <dt>{t('releases.field.method')}</dt>
            <dd>
              {t(`releases.method.${release.method}`)}
              <span className="hint block">{t(`releases.methodHint.${release.method}`)}</span>
            </dd>
            <dt>{t('releases.field.source')}</dt>
            <dd>{t(`releases.source.${release.source}`)}</dd>
            <dt>{t('releases.period')}</dt>
            <dd>{periodText(t, params.from, params.to)}</dd>
            <dt>{t('releases.builtBy')}</dt>
            <dd>
              {t('releases.builtByOn', {
                name: release.createdBy.name,
                date: formatDateTime(release.createdAt, locale),
              })}
            </dd>
            <dt>{t('releases.field.attributes')}</dt>
            <dd>
              <ul className="release-attributes">
                {release.attributes.map((attribute) => (
                  <li key={attribute}>{attributeLabelWithName(t, attribute)}</li>
                ))}
              </ul>
            </dd>
            {k && (
              <>
                <dt>{t('releases.field.k')}</dt>
                <dd>{number.format(k.k)}</dd>
                <dt>{t('releases.field.quasiIdentifiers')}</dt>
                <dd>{k.quasiIdentifiers.map((qi) => attributeLabel(t, qi)).join(', ')}</dd>
                <dt>{t('releases.field.maxSuppression')}</dt>
                <dd>{percent.format(k.maxSuppression)}</dd>
                <dt>{t('releases.generalisation')}</dt>
                <dd>
                  {generalisation.length === 0 ? (
                    t('releases.noGeneralisation')
                  ) : (
                    <ul className="release-attributes">
                      {generalisation.map(([attribute, level]) => (
                        <li key={attribute}>
                          {t('releases.generalisationItem', {
                            attribute: attributeLabel(t, attribute),
                            level: generalisationLabel(t, level),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                  <span className="hint block">{t('releases.generalisationHint')}</span>
                </dd>
              </>
            )}
            {dp && (
              <>
                <dt>{t('releases.field.epsilon')}</dt>
                <dd>
                  {decimal.format(dp.epsilon)}
                  <span className="hint block">{t('releases.field.epsilonHint')}</span>
                </dd>
                <dt>{t('releases.field.delta')}</dt>
                <dd>{smallDecimal(dp.delta)}</dd>
                <dt>{t('releases.field.reportingLength')}</dt>
                <dd>{number.format(dp.reportingLength)}</dd>
                <dt>{t('releases.field.fabricationThreshold')}</dt>
                <dd>{number.format(dp.fabricationThreshold)}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
    </Page>
  );
}
