import { useState, type FormEvent } from 'react';
import type { CommentThreadDto } from '@kinga/shared';
import { postPlanComment, reopenThread, resolveThread } from '../../api/plans.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { planErrorMessage } from './plan-errors.ts';
import { filterThreads, type ThreadFilter } from './plan-format.ts';

const BODY_MAX = 5000;

/** What the reader may do with comments. */
export interface CommentRights {
  /** Start threads and reply: plan:comment, on a draft or a version in review. */
  post: boolean;
  /** Resolve and reopen any thread (the secretariat); others only their own threads. */
  moderate: boolean;
  /** plan:comment, which resolving and reopening need too. */
  comment: boolean;
  userId: string | null;
}

/** Whether the reader may resolve or reopen a thread: its author or the secretariat. */
export function canResolve(thread: CommentThreadDto, rights: CommentRights): boolean {
  if (!rights.comment) return false;
  return rights.moderate || (rights.userId !== null && thread.comments[0]?.authorId === rights.userId);
}

/** Where threads hang: one element, or the version as a whole. */
interface CommentTarget {
  planId: string;
  versionNumber: number;
  elementKey: string | null;
  /** "1.2 Title" or "this version", for labels that name what is discussed. */
  label: string;
}

/**
 * The comment threads on an element or on the version: each thread with its replies, resolve
 * and reopen, and a box for a new thread, for people who may comment.
 */
export function CommentThreads({
  target,
  threads,
  filter,
  rights,
  onChanged,
}: {
  target: CommentTarget;
  threads: readonly CommentThreadDto[];
  filter: ThreadFilter;
  rights: CommentRights;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const shown = filterThreads(threads, filter);
  const hidden = threads.length - shown.length;
  const idBase = `comments-${target.elementKey ?? 'version'}`;

  return (
    <div className="comment-threads">
      {shown.length === 0 && (
        <p className="muted">
          {threads.length === 0
            ? t('plans.comments.none')
            : t(filter === 'open' ? 'plans.comments.noneOpen' : 'plans.comments.noneResolved')}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="thread-list">
          {shown.map((thread) => (
            <Thread key={thread.id} target={target} thread={thread} rights={rights} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {hidden > 0 && shown.length > 0 && (
        <p className="hint">{t('plans.comments.hiddenByFilter', { count: hidden })}</p>
      )}
      {rights.post && (
        <CommentBox
          id={`${idBase}-new`}
          label={t('plans.comments.newLabel', { target: target.label })}
          submitLabel={t('plans.comments.post')}
          onSubmit={(body) =>
            postPlanComment(target.planId, target.versionNumber, {
              elementKey: target.elementKey,
              threadId: null,
              body,
            })
          }
          onPosted={onChanged}
        />
      )}
    </div>
  );
}

function Thread({
  target,
  thread,
  rights,
  onChanged,
}: {
  target: CommentTarget;
  thread: CommentThreadDto;
  rights: CommentRights;
  onChanged: () => void;
}) {
  const { t, locale } = useLanguage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const first = thread.comments[0];
  const threadName = first ? t('plans.comments.threadBy', { name: first.authorName }) : t('plans.comments.thread');

  const handleState = async () => {
    setPending(true);
    setError(null);
    try {
      if (thread.resolved) await reopenThread(target.planId, thread.id);
      else await resolveThread(target.planId, thread.id);
      onChanged();
    } catch (e) {
      setError(planErrorMessage(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <li className={thread.resolved ? 'thread thread-resolved' : 'thread'}>
      <p className="thread-state">
        <span className={thread.resolved ? 'badge badge-inactive' : 'badge badge-pending'}>
          {thread.resolved ? t('plans.comments.resolved') : t('plans.comments.open')}
        </span>
        {thread.resolved && thread.resolvedAt && (
          <span className="hint">
            {' '}
            {t('plans.comments.resolvedBy', {
              name: thread.resolvedByName ?? '—',
              date: formatDateTime(thread.resolvedAt, locale),
            })}
          </span>
        )}
      </p>
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment-meta">
              <strong>{comment.authorName}</strong>, {comment.agencyName}
              <span className="block hint">{formatDateTime(comment.createdAt, locale)}</span>
            </p>
            <p className="pre-line break comment-body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {((rights.post && !thread.resolved && !replying) || canResolve(thread, rights)) && (
        <div className="form-actions thread-actions">
          {rights.post && !thread.resolved && !replying && (
            <button type="button" className="button-secondary" onClick={() => setReplying(true)}>
              {t('plans.comments.reply')}
            </button>
          )}
          {canResolve(thread, rights) && (
            <button
              type="button"
              className="button-secondary"
              disabled={pending}
              aria-label={
                thread.resolved
                  ? t('plans.comments.reopenLabel', { thread: threadName })
                  : t('plans.comments.resolveLabel', { thread: threadName })
              }
              onClick={() => void handleState()}
            >
              {thread.resolved ? t('plans.comments.reopen') : t('plans.comments.resolve')}
            </button>
          )}
        </div>
      )}
      {rights.post && replying && !thread.resolved && (
        <CommentBox
          id={`reply-${thread.id}`}
          label={t('plans.comments.replyLabel', { thread: threadName })}
          submitLabel={t('plans.comments.postReply')}
          autoFocus
          onSubmit={(body) =>
            postPlanComment(target.planId, target.versionNumber, {
              elementKey: target.elementKey,
              threadId: thread.id,
              body,
            })
          }
          onPosted={() => {
            setReplying(false);
            onChanged();
          }}
          onCancel={() => setReplying(false)}
        />
      )}
    </li>
  );
}

/** A text box and a button that posts a comment; clears itself once posted. */
function CommentBox({
  id,
  label,
  submitLabel,
  autoFocus,
  onSubmit,
  onPosted,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  onPosted: () => void;
  onCancel?: () => void;
}) {
  const { t } = useLanguage();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = `${id}-error`;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t('plans.comments.empty'));
    if (text.length > BODY_MAX) return setError(t('errors.tooLong', { max: BODY_MAX }));
    setPending(true);
    setError(null);
    try {
      await onSubmit(text);
      setBody('');
      onPosted();
    } catch (e) {
      setError(planErrorMessage(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="comment-box" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <textarea
          id={id}
          rows={3}
          maxLength={BODY_MAX}
          value={body}
          // Opening a reply box is an explicit request to write; focus follows it.
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('plans.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
