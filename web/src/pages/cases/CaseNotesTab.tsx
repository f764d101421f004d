import { useState, type FormEvent } from 'react';
import type { CaseDto, NoteDto } from '@kinga/shared';
import { createNote, listNotes } from '../../api/cases.ts';
import { ErrorSummary, Field, Notice, useFormErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';

const NOTE_MAX = 10_000;

/** Case notes of the owning agency, newest first, and a form to add one. */
export function CaseNotesTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, locale } = useLanguage();
  const formId = 'case-note';
  const errors = useFormErrors();
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [added, setAdded] = useState(false);
  const [version, setVersion] = useState(0);
  const list = useCursorList<NoteDto>(`${caseDto.code}:${version}`, (cursor) =>
    listNotes(caseDto.code, { cursor, limit: 50 }),
  );
  const labels = { body: t('cases.notes.body') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = body.trim();
    if (!trimmed) return errors.fail({ body: t('errors.required') });
    if (trimmed.length > NOTE_MAX) return errors.fail({ body: t('errors.tooLong', { max: NOTE_MAX }) });
    setPending(true);
    setAdded(false);
    try {
      await createNote(caseDto.code, trimmed);
      errors.clear();
      setBody('');
      setAdded(true);
      setVersion((v) => v + 1);
    } catch (error) {
      errors.failWith(error, ['body']);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <h2>{t('cases.tab.notes')}</h2>
      {caseDto.canEdit && (
        <form id={formId} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
          <ErrorSummary formId={formId} labels={labels} {...errors} />
          {added && <Notice>{t('cases.notes.added')}</Notice>}
          <Field
            id={`${formId}-body`}
            label={labels.body}
            hint={t('cases.notes.hint')}
            error={errors.fields.body}
            required
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={4}
                maxLength={NOTE_MAX}
                value={body}
                onChange={(e) => {
                  setBody(e.target.value);
                  setAdded(false);
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {t('cases.notes.add')}
            </button>
          </div>
        </form>
      )}
      <ul className="record-list" aria-label={t('cases.notes.listLabel')}>
        {list.items.map((note) => (
          <li key={note.id} className="record">
            <p className="record-meta">
              <strong>{note.authorName}</strong>{' '}
              <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, locale)}</time>
            </p>
            <p className="pre-line break">{note.body}</p>
          </li>
        ))}
      </ul>
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t('cases.notes.none')}
      />
    </>
  );
}
