import { useState, type FormEvent } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES } from '@kinga/shared/picklists';
import type { AttachmentDto, CaseDto } from '@kinga/shared';
import { attachmentContentUrl, listAttachments, uploadAttachment } from '../../api/cases.ts';
import { ErrorSummary, Field, Notice, useFormErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { formatFileSize } from './case-format.ts';

const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.webp', ...ATTACHMENT_MEDIA_TYPES].join(',');
const MEDIA_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
};

/** Documents and photos of a case: upload (checked on the server by content), list, download. */
export function CaseAttachmentsTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, locale } = useLanguage();
  const formId = 'case-attachment';
  const errors = useFormErrors();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [pending, setPending] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const list = useCursorList<AttachmentDto>(`${caseDto.code}:${version}`, (cursor) =>
    listAttachments(caseDto.code, { cursor, limit: 50 }),
  );
  const maxSize = formatFileSize(ATTACHMENT_MAX_BYTES, locale);
  const labels = { file: t('cases.attachments.file') };

  /** A first check in the browser so nobody waits for an upload that will be refused. */
  const problemOf = (candidate: File | null): string | undefined => {
    if (!candidate) return t('cases.attachments.chooseFile');
    if (candidate.size === 0) return t('cases.attachments.empty');
    if (candidate.size > ATTACHMENT_MAX_BYTES) return t('cases.attachments.tooBig', { max: maxSize });
    if (candidate.type && !(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(candidate.type)) {
      return t('cases.attachments.wrongType');
    }
    return undefined;
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = problemOf(file);
    if (problem || !file) return errors.fail({ file: problem ?? t('cases.attachments.chooseFile') });
    setPending(true);
    setUploaded(null);
    try {
      await uploadAttachment(caseDto.code, file);
      errors.clear();
      setUploaded(file.name);
      setFile(null);
      setInputKey((k) => k + 1);
      setVersion((v) => v + 1);
    } catch (error) {
      errors.failWith(error, ['file'], {
        unsupported_media_type: t('cases.attachments.wrongType'),
        attachment_too_large: t('cases.attachments.tooBig', { max: maxSize }),
        empty_file: t('cases.attachments.empty'),
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <h2>{t('cases.tab.attachments')}</h2>
      {caseDto.canEdit && (
        <form id={formId} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
          <ErrorSummary formId={formId} labels={labels} {...errors} />
          {uploaded && <Notice>{t('cases.attachments.uploaded', { name: uploaded })}</Notice>}
          <Field
            id={`${formId}-file`}
            label={labels.file}
            hint={t('cases.attachments.hint', { max: maxSize })}
            error={errors.fields.file}
            required
          >
            {(aria) => (
              <input
                {...aria}
                key={inputKey}
                type="file"
                accept={ACCEPT}
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setUploaded(null);
                  const problem = chosen ? problemOf(chosen) : undefined;
                  if (problem) errors.fail({ file: problem });
                  else errors.clear();
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? t('cases.attachments.uploading') : t('cases.attachments.upload')}
            </button>
          </div>
        </form>
      )}
      <ul className="record-list" aria-label={t('cases.attachments.listLabel')}>
        {list.items.map((a) => (
          <li key={a.id} className="record">
            <a href={attachmentContentUrl(caseDto.code, a.id)} download={a.fileName} className="break">
              {a.fileName}
            </a>{' '}
            <span className="muted">
              ({MEDIA_LABELS[a.mediaType] ?? a.mediaType}, {formatFileSize(a.size, locale)})
            </span>
            <p className="record-meta">
              {t('cases.attachments.uploadedBy', {
                name: a.uploadedByName,
                date: formatDateTime(a.createdAt, locale),
              })}
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
        emptyMessage={t('cases.attachments.none')}
      />
    </>
  );
}
