import { useRef, useState, type FormEvent } from 'react';
import type { County } from '@kinga/shared/picklists';
import { ApiError } from '../../api/client.ts';
import type { CountyBoundariesInput, CountyBoundariesUploadDto, Language } from '@kinga/shared';
import { uploadCountyBoundaries } from '../../api/coordination.ts';
import { ErrorSummary, Field, Notice, issueMessage, useFormErrors } from '../../components/forms.tsx';
import { useLanguage, type Translate } from '../../i18n/i18n.tsx';

/**
 * The problems of a refused file in the reader's language: a county without a feature, a
 * feature that matches no county; other problems as the server words them (or generically).
 */
export function uploadIssueMessages(
  error: ApiError,
  t: Translate,
  language: Language,
  names: ReadonlyMap<number, string>,
): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'missing_county') {
      const code = Number(/\((\d+)\)\s*$/.exec(issue.message)?.[1]);
      return t('partners.upload.issueMissing', { county: names.get(code) ?? issue.message });
    }
    if (issue.code === 'unmatched_feature') {
      const index = Number(/features\.(\d+)/.exec(issue.path)?.[1]);
      return Number.isInteger(index)
        ? t('partners.upload.issueUnmatched', { n: index + 1 })
        : issueMessage(issue, t, language);
    }
    return issueMessage(issue, t, language);
  });
}

/**
 * For the administrator: uploads a county boundary file (GeoJSON FeatureCollection) as the
 * JSON body of PUT /api/v1/geo/counties and says how many counties it matched.
 */
export function BoundaryUpload({ counties, onUploaded }: { counties: readonly County[]; onUploaded: () => void }) {
  const { t, language } = useLanguage();
  const formId = 'boundaries';
  const errors = useFormErrors();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<CountyBoundariesUploadDto | null>(null);
  const labels = { file: t('partners.upload.file') };
  const names = new Map(counties.map((c) => [c.code, c.name]));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return errors.fail({ file: t('partners.upload.chooseFile') });
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch {
      return errors.fail({ file: t('partners.upload.notJson') });
    }
    if (
      typeof geojson !== 'object' ||
      geojson === null ||
      (geojson as { type?: unknown }).type !== 'FeatureCollection'
    ) {
      return errors.fail({ file: t('partners.upload.notCollection') });
    }
    setPending(true);
    try {
      const answer = await uploadCountyBoundaries(geojson as CountyBoundariesInput);
      errors.clear();
      setResult(answer);
      if (fileRef.current) fileRef.current.value = '';
      onUploaded();
    } catch (error) {
      if (error instanceof ApiError && error.status === 413) errors.fail({ file: t('partners.upload.tooLarge') });
      else if (error instanceof ApiError && error.issues.length > 0) {
        errors.fail({}, [t('partners.upload.refused'), ...uploadIssueMessages(error, t, language, names)]);
      } else errors.failWith(error, []);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel boundary-upload" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('partners.upload.title')}</h2>
      <p className="hint">{t('partners.upload.intro')}</p>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <Field
          id={`${formId}-file`}
          label={labels.file}
          hint={t('partners.upload.fileHint')}
          error={errors.fields.file}
        >
          {(aria) => (
            <input {...aria} ref={fileRef} type="file" accept=".geojson,.json,application/geo+json,application/json" />
          )}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? t('partners.upload.sending') : t('partners.upload.submit')}
        </button>
      </form>
      {result && (
        <div className="upload-result">
          <Notice>{t('partners.upload.matched', { count: result.matched, total: counties.length })}</Notice>
        </div>
      )}
    </section>
  );
}
