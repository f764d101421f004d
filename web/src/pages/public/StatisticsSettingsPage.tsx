import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { getStatisticsSettings, updateStatisticsSettings } from '../../api/public-stats.ts';
import { ErrorSummary, Field, LoadError, Notice, useFormErrors } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';

const K_MIN = 2;
const K_MAX = 100;
const FORM_ID = 'statistics-settings';

/** k from the field: a whole number within the allowed range, else null. */
function parseK(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const k = Number(trimmed);
  return k >= K_MIN && k <= K_MAX ? k : null;
}

/** Administrators and the secretariat choose k, the smallest count shown without case access. */
export function StatisticsSettingsPage() {
  const { t } = useLanguage();
  const { data, error } = useLoad('statistics-settings', getStatisticsSettings);
  const errors = useFormErrors();
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const labels = { k: t('statSettings.k') };

  useEffect(() => {
    if (data) setValue(String(data.k));
  }, [data]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const k = parseK(value);
    if (k === null) return errors.fail({ k: t('statSettings.kInvalid') });
    setPending(true);
    try {
      const result = await updateStatisticsSettings({ k });
      errors.clear();
      setValue(String(result.k));
      setSaved(result.k);
    } catch (err) {
      errors.failWith(err, ['k']);
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title={t('statSettings.title')}>
      <p>
        <Link to="/analytics">{t('statSettings.back')}</Link>
      </p>
      <p className="lead">{t('statSettings.intro')}</p>
      <p>
        <Link to="/statistics">{t('statSettings.publicPage')}</Link>
      </p>
      {error !== null && <LoadError error={error} />}
      {!data && error === null && <p role="status">{t('common.loading')}</p>}
      {data && (
        <form id={FORM_ID} className="form narrow" noValidate onSubmit={(e) => void handleSubmit(e)}>
          <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
          {saved !== null && <Notice>{t('statSettings.saved', { k: saved })}</Notice>}
          <Field id={`${FORM_ID}-k`} label={labels.k} hint={t('statSettings.kHint')} error={errors.fields.k} required>
            {(aria) => (
              <input
                {...aria}
                type="number"
                inputMode="numeric"
                min={K_MIN}
                max={K_MAX}
                step={1}
                className="input-short"
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {t('common.save')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
