import {
  actionItemInputSchema,
  actionItemSchema,
  attendanceInputSchema,
  decisionInputSchema,
  decisionListItemSchema,
  decisionSchema,
  idSchema,
  listActionItemsQuerySchema,
  listDecisionsQuerySchema,
  listMeetingPeopleQuerySchema,
  listMeetingsQuerySchema,
  meetingInputSchema,
  meetingListItemSchema,
  meetingPersonSchema,
  meetingSchema,
  pageOf,
  problemSchema,
  updateActionItemSchema,
  updateMeetingSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as actionItems from './action-items.service.ts';
import * as service from './meetings.service.ts';

const params = z.object({ id: idSchema });
const decisionParams = z.object({ id: idSchema, decisionId: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['meetings'];

export function registerMeetingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/meetings',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Meetings by start time, each with its number of open action items',
        querystring: listMeetingsQuerySchema,
        response: { 200: pageOf(meetingListItemSchema), ...errors },
      },
    },
    (request) => service.listMeetings(ctx, request.query),
  );

  app.get(
    '/api/v1/meeting-people',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: "An agency's active people by name, to record attendance and name action-item owners",
        querystring: listMeetingPeopleQuerySchema,
        response: { 200: z.object({ items: z.array(meetingPersonSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await service.listAgencyPeople(ctx, request.query.agencyId) }),
  );

  app.post(
    '/api/v1/meetings',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Schedule a meeting',
        body: meetingInputSchema,
        response: { 201: meetingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createMeeting(ctx, requestContext(request), request.body)),
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'A meeting with its attendance, decisions and action items',
        params,
        response: { 200: meetingSchema, ...errors },
      },
    },
    (request) => service.getMeeting(ctx, requestContext(request).actor, request.params.id),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Change a meeting: details, minutes, status',
        params,
        body: updateMeetingSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    (request) => service.updateMeeting(ctx, requestContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Replace the attendance list',
        params,
        body: attendanceInputSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    (request) => service.setAttendance(ctx, requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/meetings/:id/decisions',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Record a decision (numbered 1, 2… per meeting)',
        params,
        body: decisionInputSchema,
        response: { 201: decisionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createDecision(ctx, requestContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/meetings/:id/decisions/:decisionId',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Reword a decision; 409 decision_in_use once a plan step or action item rests on it',
        params: decisionParams,
        body: decisionInputSchema,
        response: { 200: decisionSchema, ...errors },
      },
    },
    (request) =>
      service.updateDecision(ctx, requestContext(request), request.params.id, request.params.decisionId, request.body),
  );

  app.delete(
    '/api/v1/meetings/:id/decisions/:decisionId',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Delete a decision; 409 decision_in_use once a plan step or action item rests on it',
        params: decisionParams,
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteDecision(ctx, requestContext(request), request.params.id, request.params.decisionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/meeting-decisions',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Decisions of all meetings, newest first (to pick the one a plan step rests on)',
        querystring: listDecisionsQuerySchema,
        response: { 200: pageOf(decisionListItemSchema), ...errors },
      },
    },
    (request) => service.listDecisions(ctx, request.query),
  );

  app.post(
    '/api/v1/meetings/:id/action-items',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Record an action item of the meeting',
        params,
        body: actionItemInputSchema,
        response: { 201: actionItemSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await actionItems.createActionItem(ctx, requestContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/action-items',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Action items by due date: open, overdue or all; mine = owned by me or my agency',
        querystring: listActionItemsQuerySchema,
        response: { 200: pageOf(actionItemSchema), ...errors },
      },
    },
    (request) => actionItems.listActionItems(ctx, requestContext(request), request.query),
  );

  app.patch(
    '/api/v1/action-items/:id',
    {
      // Owners without plan:manage change the status; the service decides per item.
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Change an action item (secretariat: anything; its owner: the status)',
        params,
        body: updateActionItemSchema,
        response: { 200: actionItemSchema, ...errors },
      },
    },
    (request) => actionItems.updateActionItem(ctx, requestContext(request), request.params.id, request.body),
  );
}
