import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app.ts';
import { registerAttachmentRoutes } from './case-attachments.routes.ts';
import { registerCaseNoteRoutes } from './case-notes.routes.ts';
import { registerCaseServiceRoutes } from './case-services.routes.ts';
import { registerScreeningRoutes } from './screenings.routes.ts';

/** What is kept under a case: screenings and determinations, support plan, notes, attachments. */
export function registerCaseRecordRoutes(app: App, ctx: AppContext): void {
  registerScreeningRoutes(app, ctx);
  registerCaseServiceRoutes(app, ctx);
  registerCaseNoteRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
}
