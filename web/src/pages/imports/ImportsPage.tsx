import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ImportDto, ImportKind } from '@kinga/shared';
import { listImports, uploadImport } from '../../api/imports.ts';
import { RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, useFormErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession, useUser } from '../../session/session.tsx';
import { formatFileSize } from '../cases/case-format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

/** The server's IMPORT_MAX_BYTES (shared/src/imports.ts), checked here first so nobody waits for a refusal. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT: Record<ImportKind, string> = {
  ctdc: '.csv,text/csv',
  htcds: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Upload a CTDC file or an HTCDS workbook, and the list of earlier imports. */
export function ImportsPage() {
  const { t, locale } = useLanguage();
  const { can } = useSession();
  const user = useUser();
  const navigate = useNavigate();
  const kinds: ImportKind[] = [
    ...(can('analytics:import') ? (['ctdc'] as const) : []),
    ...(can('case:import') ? (['htcds'] as const) : []),
  ];
  const isAdministrator = user.roles.includes('administrator');
  const formId = 'import-upload';
  const errors = useFormErrors();
  const [kind, setKind] = useState<ImportKind | ''>(kinds.length === 1 ? (kinds[0] as ImportKind) : '');
  const [file, setFile] = useState<File | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [pending, setPending] = useState(false);
  const agencies = useAgencyOptions(isAdministrator && kinds.includes('htcds'));
  const list = useCursorList<ImportDto>('imports', (cursor) => listImports({ cursor, limit: 25 }));
  const maxSize = formatFileSize(MAX_BYTES, locale);
  const labels = { kind: t('imports.kind.legend'), file: t('imports.file'), agencyId: t('imports.agency') };

  const problemOf = (candidate: File | null): string | undefined => {
    if (!candidate) return t('imports.chooseFile');
    if (candidate.size === 0) return t('imports.emptyFile');
    if (candidate.size > MAX_BYTES) return t('imports.tooBig', { max: maxSize });
    return undefined;
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!kind) problems.kind = t('imports.kind.legend');
    const fileProblem = problemOf(file);
    if (fileProblem) problems.file = fileProblem;
    if (!kind || !file || Object.keys(problems).length) return errors.fail(problems);
    setPending(true);
    try {
      const started = await uploadImport(kind, file, kind === 'htcds' && agencyId ? agencyId : undefined);
      errors.clear();
      void navigate(`/imports/${encodeURIComponent(started.import.id)}${started.duplicate ? '?duplicate=1' : ''}`);
    } catch (error) {
      errors.failWith(error, ['file', 'agencyId'], {
        unsupported_media_type: t('imports.wrongType'),
        import_too_large: t('imports.tooBig', { max: maxSize }),
        empty_file: t('imports.emptyFile'),
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title={t('imports.title')}>
      <p>{t('imports.intro')}</p>
      <h2>{t('imports.form.heading')}</h2>
      <form id={formId} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        {kinds.length > 1 ? (
          <RadioGroup<ImportKind>
            id={`${formId}-kind`}
            name="kind"
            legend={labels.kind}
            error={errors.fields.kind}
            codes={kinds}
            labelOf={(k) => t(`imports.kind.${k}`)}
            value={kind}
            onChange={setKind}
          />
        ) : (
          kinds[0] && <p className="hint">{t(`imports.kind.${kinds[0]}`)}</p>
        )}
        {kind && <p className="hint">{t(`imports.kind.${kind}Hint`)}</p>}
        <Field
          id={`${formId}-file`}
          label={labels.file}
          hint={t('imports.fileHint', { max: maxSize })}
          error={errors.fields.file}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept={kind ? ACCEPT[kind] : '.csv,.xlsx'}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                const problem = chosen ? problemOf(chosen) : undefined;
                if (problem) errors.fail({ file: problem });
                else errors.clear();
              }}
            />
          )}
        </Field>
        {isAdministrator && kind === 'htcds' && (
          <Field id={`${formId}-agency`} label={labels.agencyId} error={errors.fields.agencyId}>
            {(aria) => (
              <select {...aria} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">{t('imports.agencyOwn')}</option>
                {agencies
                  .filter((a) => a.status === 'active')
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('imports.uploading') : t('imports.upload')}
          </button>
        </div>
      </form>

      <h2>{t('imports.list.heading')}</h2>
      <ul className="record-list" aria-label={t('imports.list.caption')}>
        {list.items.map((item) => (
          <li key={item.id} className="record">
            <p className="record-title">
              <Link to={`/imports/${encodeURIComponent(item.id)}`} className="break">
                {item.fileName}
              </Link>{' '}
              <ImportStatusBadge status={item.status} />
            </p>
            <p className="record-meta">
              {t(`imports.kindShort.${item.kind}`)}
              {item.agencyName ? ` · ${item.agencyName}` : ''} · {formatDateTime(item.createdAt, locale)} ·{' '}
              {item.createdByName}
            </p>
            <p className="record-meta">
              {t('imports.col.imported')}: {item.importedRows.toLocaleString(locale)} · {t('imports.col.invalid')}:{' '}
              {item.invalidRows.toLocaleString(locale)}
            </p>
          </li>
        ))}
      </ul>
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t('imports.list.none')}
      />
    </Page>
  );
}
