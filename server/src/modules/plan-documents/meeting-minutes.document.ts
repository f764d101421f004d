import type { MeetingDto } from '@kinga/shared';
import { documentFrame, type DocumentLabels } from '../../lib/documents/labels.ts';
import type { Block, DocumentModel } from '../../lib/documents/model.ts';

export interface MinutesDocumentContext {
  labels: DocumentLabels;
  generatedAt: string;
}

function textOrNote(text: string | null, note: string): Block {
  return text ? { kind: 'paragraph', text } : { kind: 'paragraph', text: note, tone: 'muted' };
}

/** A meeting's minutes: details, attendance, agenda, minutes text, decisions and action items. */
export function buildMeetingMinutesDocument(meeting: MeetingDto, c: MinutesDocumentContext): DocumentModel {
  const { labels } = c;
  const { t } = labels;
  const dash = t('doc.dash');
  const time = meeting.endsAt
    ? `${labels.time(meeting.startsAt)}–${labels.time(meeting.endsAt)}`
    : labels.time(meeting.startsAt);
  const details = [
    { key: t('minutes.kind'), value: labels.vocab('meetingKind', meeting.kind) },
    { key: t('minutes.date'), value: labels.date(meeting.startsAt) },
    { key: t('minutes.time'), value: time },
    { key: t('minutes.place'), value: meeting.place ?? dash },
    ...(meeting.link ? [{ key: t('minutes.link'), value: meeting.link }] : []),
    { key: t('minutes.status'), value: labels.vocab('meetingStatus', meeting.status) },
  ];
  const blocks: Block[] = [
    { kind: 'keyValues', items: details },
    { kind: 'heading', level: 1, text: t('minutes.attendance') },
    {
      kind: 'table',
      columns: [
        { header: t('minutes.col.name'), width: 35 },
        { header: t('minutes.col.agency'), width: 45 },
        { header: t('minutes.col.attendance'), width: 20 },
      ],
      rows: meeting.attendees.map((a) => [a.name, a.agencyName ?? dash, labels.vocab('attendance', a.attendance)]),
      emptyText: t('minutes.noAttendees'),
    },
    { kind: 'heading', level: 1, text: t('minutes.agenda') },
    textOrNote(meeting.agenda, t('minutes.noAgenda')),
    { kind: 'heading', level: 1, text: t('minutes.minutes') },
    textOrNote(meeting.minutes, t('minutes.noMinutes')),
    { kind: 'heading', level: 1, text: t('minutes.decisions') },
    {
      kind: 'table',
      columns: [
        { header: t('minutes.col.number'), width: 8 },
        { header: t('minutes.col.decision'), width: 92 },
      ],
      rows: meeting.decisions.map((d) => [String(d.number), d.text]),
      emptyText: t('minutes.noDecisions'),
    },
    { kind: 'heading', level: 1, text: t('minutes.actionItems') },
    {
      kind: 'table',
      columns: [
        { header: t('minutes.col.action'), width: 44 },
        { header: t('minutes.col.owner'), width: 24 },
        { header: t('minutes.col.due'), width: 16 },
        { header: t('minutes.col.status'), width: 16 },
      ],
      rows: meeting.actionItems.map((a) => [
        a.text,
        [a.ownerAgencyName, a.ownerUserName].filter((v) => v !== null).join('\n') || dash,
        a.dueOn === null ? dash : labels.shortDate(a.dueOn),
        labels.vocab('actionItemStatus', a.status),
      ]),
      emptyText: t('minutes.noActionItems'),
    },
  ];
  return documentFrame(
    labels,
    {
      title: meeting.title,
      subtitle: [`${labels.vocab('meetingKind', meeting.kind)} · ${labels.date(meeting.startsAt)}`],
      footer: t('minutes.footer'),
      orientation: 'portrait',
      blocks,
    },
    c.generatedAt,
  );
}
