import {
  commentInputSchema,
  commentThreadSchema,
  compareQuerySchema,
  comparisonSchema,
  elementInputSchema,
  elementKeySchema,
  idSchema,
  listCommentsQuerySchema,
  listPlansQuerySchema,
  newVersionSchema,
  pageOf,
  planElementSchema,
  planInputSchema,
  planSchema,
  planSummarySchema,
  planVersionSchema,
  problemSchema,
  transitionInputSchema,
  updateElementSchema,
  updatePlanSchema,
  versionNumberSchema,
} from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as comments from './plan-comments.service.ts';
import * as structure from './plan-structure.service.ts';
import * as service from './plans.service.ts';

const planParams = z.object({ id: idSchema });
const versionParams = planParams.extend({ number: versionNumberSchema });
const elementParams = versionParams.extend({ key: elementKeySchema });
const threadParams = planParams.extend({ threadId: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['plans'];

const TRANSITION_SUMMARIES = {
  submit: 'Submit a draft to the committee (it is frozen from then on)',
  return: 'Return a version in review, on a meeting decision',
  adopt: 'Adopt a version in review on a meeting decision; the version adopted before is superseded',
} as const;

/** The National Plan of Action: plans, versions and their structure, workflow, comparison, comments. */
export function registerPlanRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/plans',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Plans, newest first',
        querystring: listPlansQuerySchema,
        response: { 200: pageOf(planSummarySchema), ...errors },
      },
    },
    (request) => service.listPlans(ctx, request.query),
  );

  app.post(
    '/api/v1/plans',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Create a plan: version 1 as a draft, the default pillars and the reporting periods',
        body: planInputSchema,
        response: { 201: planSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createPlan(ctx, requestContext(request), request.body)),
  );

  app.get(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'A plan with its versions',
        params: planParams,
        response: { 200: planSchema, ...errors },
      },
    },
    (request) => service.getPlan(ctx, requestContext(request).actor, request.params.id),
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: "Change a plan's title or submission deadline",
        params: planParams,
        body: updatePlanSchema,
        response: { 200: planSchema, ...errors },
      },
    },
    (request) => service.updatePlan(ctx, requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/plans/:id/versions',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Start a new draft from a version (default: the latest), keeping its element keys',
        params: planParams,
        body: newVersionSchema,
        response: { 201: planVersionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createVersion(ctx, requestContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/plans/:id/versions/:number',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'A version: its steps and its elements in outline order',
        params: versionParams,
        response: { 200: planVersionSchema, ...errors },
      },
    },
    (request) => service.getPlanVersion(ctx, requestContext(request).actor, request.params.id, request.params.number),
  );

  app.post(
    '/api/v1/plans/:id/versions/:number/elements',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Add a pillar, objective, activity or indicator to a draft (last among its siblings)',
        params: versionParams,
        body: elementInputSchema,
        response: { 201: planElementSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, number } = request.params;
      return reply.code(201).send(await structure.addElement(ctx, requestContext(request), id, number, request.body));
    },
  );

  app.patch(
    '/api/v1/plans/:id/versions/:number/elements/:key',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: "Replace a draft element's fields; optionally move it among its siblings",
        params: elementParams,
        body: updateElementSchema,
        response: { 200: planElementSchema, ...errors },
      },
    },
    (request) => {
      const { id, number, key } = request.params;
      return structure.updateElement(ctx, requestContext(request), id, number, key, request.body);
    },
  );

  app.delete(
    '/api/v1/plans/:id/versions/:number/elements/:key',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Remove a draft element and everything under it',
        params: elementParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, number, key } = request.params;
      await structure.removeElement(ctx, requestContext(request), id, number, key);
      return reply.code(204).send(null);
    },
  );

  for (const transition of ['submit', 'return', 'adopt'] as const) {
    app.post(
      `/api/v1/plans/:id/versions/:number/${transition}`,
      {
        config: { access: 'plan:manage' },
        schema: {
          tags,
          summary: TRANSITION_SUMMARIES[transition],
          params: versionParams,
          body: transitionInputSchema,
          response: { 200: planVersionSchema, ...errors },
        },
      },
      (request) =>
        service.transitionVersion(
          ctx,
          requestContext(request),
          request.params.id,
          request.params.number,
          transition,
          request.body,
        ),
    );
  }

  app.get(
    '/api/v1/plans/:id/compare',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: 'Compare two versions element by element: added, removed, changed fields',
        params: planParams,
        querystring: compareQuerySchema,
        response: { 200: comparisonSchema, ...errors },
      },
    },
    (request) => service.compareVersions(ctx, request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/plans/:id/versions/:number/comments',
    {
      config: { access: 'plan:read' },
      schema: {
        tags,
        summary: "A version's comment threads",
        params: versionParams,
        querystring: listCommentsQuerySchema,
        response: { 200: z.array(commentThreadSchema), ...errors },
      },
    },
    (request) => comments.listComments(ctx, request.params.id, request.params.number, request.query),
  );

  app.post(
    '/api/v1/plans/:id/versions/:number/comments',
    {
      config: { access: 'plan:comment' },
      schema: {
        tags,
        summary: 'Comment on a draft or a version in review (task-force and steering-committee members)',
        params: versionParams,
        body: commentInputSchema,
        response: { 201: commentThreadSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id, number } = request.params;
      return reply.code(201).send(await comments.addComment(ctx, requestContext(request), id, number, request.body));
    },
  );

  for (const action of ['resolve', 'reopen'] as const) {
    app.post(
      `/api/v1/plans/:id/comments/:threadId/${action}`,
      {
        config: { access: 'plan:comment' },
        schema: {
          tags,
          summary: `${action === 'resolve' ? 'Resolve' : 'Reopen'} a comment thread (its author or the secretariat)`,
          params: threadParams,
          response: { 200: commentThreadSchema, ...errors },
        },
      },
      (request) =>
        comments.setThreadResolved(
          ctx,
          requestContext(request),
          request.params.id,
          request.params.threadId,
          action === 'resolve',
        ),
    );
  }
}
