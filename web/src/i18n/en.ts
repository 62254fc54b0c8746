// English. Each section file is typed against its Vietnamese twin, so a missing key fails tsc.
import type { Messages } from './vi';
import { common } from './sections/common.en';
import { catalogue } from './sections/catalogue.en';
import { auth } from './sections/auth.en';
import { apply } from './sections/apply.en';
import { dossiers } from './sections/dossiers.en';
import { backoffice } from './sections/backoffice.en';
import { desk } from './sections/desk.en';
import { calendar } from './sections/calendar.en';
import { documents } from './sections/documents.en';
import { clock } from './sections/clock.en';
import { notices } from './sections/notices.en';
import { vneid } from './sections/vneid.en';
import { noticesAdmin } from './sections/noticesAdmin.en';
import { indicators } from './sections/indicators.en';
import { indicatorsAdmin } from './sections/indicatorsAdmin.en';
import { projects } from './sections/projects.en';
import { feedback } from './sections/feedback.en';
import { feedbackStaff } from './sections/feedbackStaff.en';
import { interop } from './sections/interop.en';
import { invest } from './sections/invest.en';

export const en: Messages = { ...common, ...catalogue, ...auth, ...apply, ...dossiers, ...backoffice, ...desk, ...calendar, ...documents, ...clock, ...notices, ...vneid, ...noticesAdmin, ...indicators, ...indicatorsAdmin, ...projects, ...feedback, ...feedbackStaff, ...interop, ...invest };
