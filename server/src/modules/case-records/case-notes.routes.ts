import { caseCodeSchema, noteInputSchema, noteSchema, pageOf, pageQuerySchema, problemSchema } from '@kinga/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestContext, type App } from '../../http/app.ts';
import * as service from './case-notes.service.ts';

const params = z.object({ code: caseCodeSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['cases'];

export function registerCaseNoteRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/cases/:code/notes',
    {
      config: { access: 'case:read' },
      schema: {
        tags,
        summary: "A case's notes, newest first (owning agency; audited)",
        params,
        querystring: pageQuerySchema,
        response: { 200: pageOf(noteSchema), ...errors },
      },
    },
    (request) => service.listNotes(ctx, requestContext(request), request.params.code, request.query),
  );

  app.post(
    '/api/v1/cases/:code/notes',
    {
      config: { access: 'case:write' },
      schema: {
        tags,
        summary: 'Add a note to a case (owning agency)',
        params,
        body: noteInputSchema,
        response: { 201: noteSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createNote(ctx, requestContext(request), request.params.code, request.body.body)),
  );
}
