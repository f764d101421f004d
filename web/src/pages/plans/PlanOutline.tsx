import { useEffect, useState, type ReactNode } from 'react';
import type { AgencyDto, CommentThreadDto, PlanDto, PlanElementDto, PlanVersionDto } from '@kinga/shared';
import type { PlanElementKind } from '@kinga/shared/picklists';
import { deleteElement, updateElement } from '../../api/plans.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { ElementForm } from './ElementForm.tsx';
import { planErrorMessage } from './plan-errors.ts';
import { CommentThreads, type CommentRights } from './PlanComments.tsx';
import { FIELD_ORDER, fieldLabel, formatFieldValue, type ValueContext } from './element-values.ts';
import { movedPosition, outlineTree, siblingsOf, type OutlineNode, type ThreadFilter } from './plan-format.ts';

/** What the outline is doing: adding under a parent, editing, or asking to confirm a deletion. */
type Activity =
  | { mode: 'add'; kind: PlanElementKind; parentKey: string | null }
  | { mode: 'edit'; key: string }
  | { mode: 'delete'; key: string }
  | null;

/** The kinds that can be added under an element of a kind (indicators measure objectives and activities). */
const CHILD_KINDS: Record<PlanElementKind, PlanElementKind[]> = {
  pillar: ['objective'],
  objective: ['activity', 'indicator'],
  activity: ['indicator'],
  indicator: [],
};

const ADD_LABELS: Record<PlanElementKind, MessageKey> = {
  pillar: 'plans.outline.addPillar',
  objective: 'plans.outline.addObjective',
  activity: 'plans.outline.addActivity',
  indicator: 'plans.outline.addIndicator',
};

/** The fields a kind lists in its details (title and parent are shown by the outline itself). */
const DETAIL_FIELDS: Record<PlanElementKind, readonly string[]> = {
  pillar: ['description', 'pillar'],
  objective: ['description'],
  activity: [
    'description',
    'area',
    'leadAgencyId',
    'supportingAgencyIds',
    'countyCodes',
    'startDate',
    'endDate',
    'budget',
  ],
  indicator: [
    'description',
    'definition',
    'unit',
    'baseline',
    'baselineYear',
    'targets',
    'frequency',
    'meansOfVerification',
    'disaggregations',
    'direction',
    'aggregation',
    'source',
  ],
};

function Heading({ level, className, children }: { level: number; className: string; children: ReactNode }) {
  const Tag = `h${Math.min(6, Math.max(2, level))}` as 'h2';
  return <Tag className={className}>{children}</Tag>;
}

/** "1.2 Title": how an element is named in labels. */
export function elementName(element: PlanElementDto): string {
  return `${element.number} ${element.fields.title}`;
}

/**
 * The structure of a version as nested cards (pillars › objectives › activities, indicators
 * under what they measure) with numbers; each card opens to its fields, comments and, on an
 * editable draft, its editing actions.
 */
export function PlanOutline({
  plan,
  version,
  editable,
  commentRights,
  threads,
  filter,
  agencies,
  valueContext,
  onChanged,
  onCommentsChanged,
}: {
  plan: PlanDto;
  version: PlanVersionDto;
  editable: boolean;
  commentRights: CommentRights;
  threads: readonly CommentThreadDto[] | null;
  filter: ThreadFilter;
  agencies: AgencyDto[];
  valueContext: ValueContext;
  onChanged: (message: string | null) => void;
  onCommentsChanged: () => void;
}) {
  const { t, language } = useLanguage();
  const [activity, setActivity] = useState<Activity>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  // After a move the element's buttons may be re-rendered elsewhere; focus follows the button.
  const [focusAfter, setFocusAfter] = useState<{ id: string; from: PlanVersionDto } | null>(null);
  const tree = outlineTree(version.elements);
  const elements = version.elements;

  useEffect(() => {
    // Wait for the reloaded version: until then the element has not moved yet.
    if (!focusAfter || focusAfter.from === version) return;
    const target = document.getElementById(focusAfter.id);
    if (target instanceof HTMLButtonElement && !target.disabled) target.focus();
    else document.getElementById(focusAfter.id.replace(/-(up|down)$/, '-card'))?.focus();
    setFocusAfter(null);
  }, [focusAfter, version]);

  const threadsOf = (key: string | null) => (threads ?? []).filter((thread) => thread.elementKey === key);
  const openCount = (element: PlanElementDto) =>
    threads ? threadsOf(element.key).filter((thread) => !thread.resolved).length : element.openComments;

  const handleMove = async (element: PlanElementDto, direction: 'up' | 'down') => {
    const move = movedPosition(elements, element.key, direction);
    if (!move) return;
    setBusy(true);
    setError(null);
    try {
      await updateElement(plan.id, version.number, element.key, { fields: element.fields, position: move.position });
      setFocusAfter({ id: `element-${element.key}-${direction}`, from: version });
      onChanged(
        t(direction === 'up' ? 'plans.outline.movedUp' : 'plans.outline.movedDown', { name: element.fields.title }),
      );
    } catch (e) {
      setError({ key: element.key, message: planErrorMessage(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleDelete = async (element: PlanElementDto) => {
    setBusy(true);
    setError(null);
    try {
      await deleteElement(plan.id, version.number, element.key);
      setActivity(null);
      onChanged(t('plans.outline.deleted', { name: elementName(element) }));
    } catch (e) {
      setError({ key: element.key, message: planErrorMessage(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const formFor = (kind: PlanElementKind, parent: PlanElementDto | null, editing: PlanElementDto | null) => (
    <ElementForm
      plan={plan}
      versionNumber={version.number}
      kind={kind}
      parentKey={parent?.key ?? null}
      parentLabel={parent ? elementName(parent) : null}
      editing={editing}
      agencies={agencies}
      onSaved={(message) => {
        setActivity(null);
        onChanged(message);
      }}
      onCancel={() => setActivity(null)}
    />
  );

  const renderElement = (element: PlanElementDto, level: number, children: ReactNode) => {
    const open = openCount(element);
    const kindLabel = vocabLabel(t, 'elementKind', element.kind);
    const siblings = siblingsOf(elements, element);
    const index = siblings.findIndex((s) => s.key === element.key);
    const editingThis = activity?.mode === 'edit' && activity.key === element.key;
    const deletingThis = activity?.mode === 'delete' && activity.key === element.key;
    const addingHere = activity?.mode === 'add' && activity.parentKey === element.key ? activity : null;
    const name = elementName(element);
    return (
      <li
        key={element.key}
        id={`element-${element.key}-card`}
        tabIndex={-1}
        className={`outline-item outline-${element.kind}`}
      >
        <Heading level={level} className="outline-title">
          <span className="outline-number">{element.number}</span> {element.fields.title}
        </Heading>
        <p className="outline-meta">
          <span className="outline-kind">{kindLabel}</span>
          {summaryOf(element, valueContext).map((part) => (
            <span key={part}> · {part}</span>
          ))}
          {open > 0 && (
            <span className="badge badge-pending inline-badge">{t('plans.comments.openCount', { count: open })}</span>
          )}
        </p>
        {editingThis && formFor(element.kind, null, element)}
        {deletingThis && (
          <div className="confirm-row" role="group" aria-label={t('plans.outline.deleteConfirmLabel')}>
            <p>
              {t(element.kind === 'indicator' ? 'plans.outline.deleteQuestion' : 'plans.outline.deleteTreeQuestion', {
                name,
              })}
            </p>
            <button type="button" className="button-danger" disabled={busy} onClick={() => void handleDelete(element)}>
              {t('plans.outline.deleteConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setActivity(null)}>
              {t('plans.cancel')}
            </button>
          </div>
        )}
        {error?.key === element.key && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <details className="disclosure outline-details">
          <summary>
            {t(editable ? 'plans.outline.detailsEdit' : 'plans.outline.details', { kind: kindLabel })}
            <span className="visually-hidden">: {name}</span>
          </summary>
          <ElementDetails element={element} context={valueContext} />
          {editable && (
            <div className="form-actions outline-actions">
              <button
                type="button"
                className="button-secondary"
                aria-label={t('plans.outline.editLabel', { name })}
                onClick={() => setActivity({ mode: 'edit', key: element.key })}
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                id={`element-${element.key}-up`}
                className="button-secondary"
                disabled={busy || index <= 0}
                aria-label={t('plans.outline.moveUpLabel', { name })}
                onClick={() => void handleMove(element, 'up')}
              >
                {t('plans.outline.moveUp')}
              </button>
              <button
                type="button"
                id={`element-${element.key}-down`}
                className="button-secondary"
                disabled={busy || index === -1 || index >= siblings.length - 1}
                aria-label={t('plans.outline.moveDownLabel', { name })}
                onClick={() => void handleMove(element, 'down')}
              >
                {t('plans.outline.moveDown')}
              </button>
              {CHILD_KINDS[element.kind].map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button-secondary"
                  aria-label={t('plans.outline.addUnderLabel', {
                    kind: vocabLabel(t, 'elementKind', kind).toLocaleLowerCase(language),
                    name,
                  })}
                  onClick={() => setActivity({ mode: 'add', kind, parentKey: element.key })}
                >
                  {t(ADD_LABELS[kind])}
                </button>
              ))}
              <button
                type="button"
                className="button-danger"
                aria-label={t('plans.outline.deleteLabel', { name })}
                onClick={() => setActivity({ mode: 'delete', key: element.key })}
              >
                {t('plans.outline.delete')}
              </button>
            </div>
          )}
          <div className="outline-comments">
            <p className="outline-subheading">{t('plans.comments.onElement', { name })}</p>
            {threads === null ? (
              <p className="muted">{t('common.loading')}</p>
            ) : (
              <CommentThreads
                target={{ planId: plan.id, versionNumber: version.number, elementKey: element.key, label: name }}
                threads={threadsOf(element.key)}
                filter={filter}
                rights={commentRights}
                onChanged={onCommentsChanged}
              />
            )}
          </div>
        </details>
        {addingHere && formFor(addingHere.kind, element, null)}
        {children}
      </li>
    );
  };

  const renderNode = (node: OutlineNode, level: number): ReactNode => {
    const { element } = node;
    const nested = (
      <>
        {node.indicators.length > 0 && (
          <ul
            className="outline-list outline-indicators"
            aria-label={t('plans.outline.indicatorsOf', { name: elementName(element) })}
          >
            {node.indicators.map((indicator) => renderElement(indicator, level + 1, null))}
          </ul>
        )}
        {node.children.length > 0 && (
          <ul className="outline-list">{node.children.map((child) => renderNode(child, level + 1))}</ul>
        )}
      </>
    );
    return renderElement(element, level, nested);
  };

  return (
    <div className="plan-outline">
      {tree.length === 0 ? (
        <p>{editable ? t('plans.outline.emptyEditable') : t('plans.outline.empty')}</p>
      ) : (
        <ul className="outline-list outline-root">{tree.map((node) => renderNode(node, 3))}</ul>
      )}
      {editable && (
        <>
          {activity?.mode === 'add' && activity.parentKey === null && formFor('pillar', null, null)}
          {!(activity?.mode === 'add' && activity.parentKey === null) && (
            <div className="form-actions">
              <button
                type="button"
                className="button-secondary"
                onClick={() => setActivity({ mode: 'add', kind: 'pillar', parentKey: null })}
              >
                {t('plans.outline.addPillar')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** A line of the most telling facts of an element, shown without opening it. */
function summaryOf(element: PlanElementDto, ctx: ValueContext): string[] {
  const { t } = ctx;
  const fields = element.fields;
  switch (fields.kind) {
    case 'pillar':
      return fields.pillar ? [vocabLabel(t, 'pillar', fields.pillar)] : [];
    case 'objective':
      return [];
    case 'activity': {
      const parts: string[] = [];
      parts.push(
        element.leadAgencyName ??
          (fields.leadAgencyId ? ctx.agencyName(fields.leadAgencyId) : t('plans.outline.noLead')),
      );
      if (fields.startDate || fields.endDate) {
        parts.push(
          t('plans.outline.dates', {
            start: fields.startDate ? formatFieldValue('startDate', fields.startDate, ctx) : '…',
            end: fields.endDate ? formatFieldValue('endDate', fields.endDate, ctx) : '…',
          }),
        );
      }
      if (fields.budget !== null) parts.push(formatFieldValue('budget', fields.budget, ctx));
      return parts;
    }
    case 'indicator':
      return [
        fields.unit,
        ...(fields.targets.length > 0 ? [formatFieldValue('targets', fields.targets, ctx)] : []),
        ...(fields.source !== 'manual' ? [vocabLabel(t, 'indicatorSource', fields.source)] : []),
      ];
  }
}

/** Every field of an element, in words. */
function ElementDetails({ element, context }: { element: PlanElementDto; context: ValueContext }) {
  const { t } = context;
  const record = element.fields as unknown as Record<string, unknown>;
  const fields = FIELD_ORDER.filter((f) => DETAIL_FIELDS[element.kind].includes(f));
  return (
    <dl className="details outline-fields">
      {fields.map((field) => (
        <div key={field} className="detail-row">
          <dt>{fieldLabel(t, field)}</dt>
          <dd className="pre-line break">
            {field === 'leadAgencyId' && element.leadAgencyName
              ? element.leadAgencyName
              : formatFieldValue(field, record[field], context)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
