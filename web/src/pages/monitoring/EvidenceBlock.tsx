import { useState } from 'react';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '@kinga/shared/picklists';
import type { EvidenceDto, ProgressReportDto } from '@kinga/shared';
import { deleteEvidence, evidenceUrl, uploadEvidence } from '../../api/monitoring.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { formatFileSize } from '../cases/case-format.ts';
import { problemText } from './monitoring-errors.ts';

const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.webp', '.docx', '.xlsx', ...EVIDENCE_MEDIA_TYPES].join(',');
const MEDIA_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/**
 * The evidence files of one activity in a report: download links, and while the report can
 * be edited an upload (checked again on the server by content) and deletion with a confirm.
 * Buttons, not a form: it sits inside the report's form.
 */
export function EvidenceBlock({
  planId,
  report,
  activityKey,
  activityLabel,
  evidence,
  onChange,
}: {
  planId: string;
  report: ProgressReportDto;
  activityKey: string;
  activityLabel: string;
  evidence: EvidenceDto[];
  onChange: (evidence: EvidenceDto[]) => void;
}) {
  const { t, locale, language } = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const maxSize = formatFileSize(EVIDENCE_MAX_BYTES, locale);
  const files = evidence.filter((e) => e.activityKey === activityKey);
  const inputId = `evidence-${activityKey}`;
  const problemId = `${inputId}-problem`;
  const { periodId, agencyId } = report;

  /** A first check in the browser so nobody waits for an upload that will be refused. */
  const problemOf = (candidate: File | null): string | null => {
    if (!candidate) return t('monitoring.evidence.chooseFile');
    if (candidate.size === 0) return t('monitoring.evidence.empty');
    if (candidate.size > EVIDENCE_MAX_BYTES) return t('monitoring.evidence.tooBig', { max: maxSize });
    if (candidate.type && !(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(candidate.type)) {
      return t('monitoring.evidence.wrongType');
    }
    return null;
  };

  const handleUpload = async () => {
    const found = problemOf(file);
    setDone(null);
    if (found || !file) return setProblem(found ?? t('monitoring.evidence.chooseFile'));
    setPending(true);
    try {
      const uploaded = await uploadEvidence(planId, periodId, agencyId, activityKey, file);
      onChange([...evidence, uploaded]);
      setProblem(null);
      setDone(t('monitoring.evidence.uploaded', { name: uploaded.fileName }));
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (error) {
      const code = (error as { code?: string }).code;
      setProblem(
        code === 'unsupported_media_type'
          ? t('monitoring.evidence.wrongType')
          : code === 'attachment_too_large' || code === 'evidence_too_large'
            ? t('monitoring.evidence.tooBig', { max: maxSize })
            : code === 'empty_file'
              ? t('monitoring.evidence.empty')
              : problemText(error, t, language),
      );
    } finally {
      setPending(false);
    }
  };

  const handleDelete = async (item: EvidenceDto) => {
    setPending(true);
    setDone(null);
    try {
      await deleteEvidence(planId, periodId, agencyId, item.id);
      onChange(evidence.filter((e) => e.id !== item.id));
      setConfirming(null);
      setProblem(null);
      setDone(t('monitoring.evidence.deleted', { name: item.fileName }));
    } catch (error) {
      setProblem(problemText(error, t, language));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="evidence">
      <h3>{t('monitoring.evidence.title')}</h3>
      {files.length === 0 ? (
        <p className="muted">{t('monitoring.evidence.none')}</p>
      ) : (
        <ul className="record-list" aria-label={t('monitoring.evidence.listLabel', { activity: activityLabel })}>
          {files.map((item) => (
            <li key={item.id} className="record">
              <a href={evidenceUrl(planId, periodId, agencyId, item.id)} download={item.fileName} className="break">
                {item.fileName}
              </a>{' '}
              <span className="muted">
                ({MEDIA_LABELS[item.mediaType] ?? item.mediaType}, {formatFileSize(item.size, locale)})
              </span>
              <p className="record-meta">
                {t('monitoring.evidence.uploadedBy', {
                  name: item.uploadedByName,
                  date: formatDateTime(item.createdAt, locale),
                })}
              </p>
              {report.editable &&
                (confirming === item.id ? (
                  <div className="confirm-row" role="group" aria-label={t('monitoring.evidence.deleteLabel')}>
                    <p>{t('monitoring.evidence.deleteQuestion', { name: item.fileName })}</p>
                    <button
                      type="button"
                      className="button-danger"
                      disabled={pending}
                      onClick={() => void handleDelete(item)}
                    >
                      {t('monitoring.evidence.deleteConfirm')}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
                      {t('monitoring.cancel')}
                    </button>
                  </div>
                ) : (
                  <button type="button" className="link-button" onClick={() => setConfirming(item.id)}>
                    {t('monitoring.evidence.delete')}
                    <span className="visually-hidden"> {item.fileName}</span>
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {report.editable && (
        <div className={problem ? 'field field-invalid evidence-upload' : 'field evidence-upload'}>
          <label htmlFor={inputId}>
            {t('monitoring.evidence.file')}
            <span className="visually-hidden"> {activityLabel}</span>
          </label>
          <p id={`${inputId}-hint`} className="hint">
            {t('monitoring.evidence.hint', { max: maxSize })}
          </p>
          {problem && (
            <p id={problemId} className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="evidence-upload-row">
            <input
              key={inputKey}
              id={inputId}
              type="file"
              accept={ACCEPT}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${inputId}-hint ${problemId}` : `${inputId}-hint`}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setDone(null);
                setProblem(chosen ? problemOf(chosen) : null);
              }}
            />
            <button type="button" className="button-secondary" disabled={pending} onClick={() => void handleUpload()}>
              {pending ? t('monitoring.evidence.uploading') : t('monitoring.evidence.upload')}
              <span className="visually-hidden"> {activityLabel}</span>
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
