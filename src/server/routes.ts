import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.ts';
import { accountsRoutes } from '../modules/accounts/accounts.routes.ts';
import { adminRoutes } from '../modules/accounts/admin.routes.ts';
import { applicantsRoutes } from '../modules/accounts/applicants.routes.ts';
import { signUpRoutes } from '../modules/accounts/signup.routes.ts';
import { passwordRoutes } from '../modules/accounts/password.routes.ts';
import { twoFactorRoutes } from '../modules/accounts/two-factor.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { certificationsRoutes } from '../modules/certifications/certifications.routes.ts';
import { documentsRoutes } from '../modules/documents/documents.routes.ts';
import { dossiersRoutes } from '../modules/dossiers/dossiers.routes.ts';
import { filesRoutes } from '../modules/files/files.routes.ts';
import { formsRoutes } from '../modules/forms/forms.routes.ts';
import { indicatorsRoutes } from '../modules/indicators/indicators.routes.ts';
import { messagesRoutes } from '../modules/messages/messages.routes.ts';
import { projectsRoutes } from '../modules/projects/projects.routes.ts';
import { notificationsAdminRoutes } from '../modules/notifications/notifications.admin.routes.ts';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.ts';
import { nationalIdRoutes } from '../modules/national-id/national-id.routes.ts';
import { proceduresRoutes } from '../modules/procedures/procedures.routes.ts';
import { unitsRoutes } from '../modules/units/units.routes.ts';

/** Every module's routes under /api/v1. */
export function registerRoutes(api: FastifyInstance, deps: AppDeps) {
  accountsRoutes(api, deps);
  adminRoutes(api, deps);
  applicantsRoutes(api, deps);
  signUpRoutes(api, deps);
  passwordRoutes(api, deps);
  twoFactorRoutes(api, deps);
  unitsRoutes(api, deps);
  proceduresRoutes(api, deps);
  calendarRoutes(api, deps);
  filesRoutes(api, deps);
  dossiersRoutes(api, deps);
  formsRoutes(api, deps);
  documentsRoutes(api, deps);
  certificationsRoutes(api, deps);
  messagesRoutes(api, deps);
  projectsRoutes(api, deps);
  notificationsRoutes(api, deps);
  notificationsAdminRoutes(api, deps);
  nationalIdRoutes(api, deps);
  indicatorsRoutes(api, deps);
}
