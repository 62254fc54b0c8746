// Vietnamese, the default and the reference: every key exists here first.
import { common } from './sections/common.vi';
import { catalogue } from './sections/catalogue.vi';
import { auth } from './sections/auth.vi';
import { apply } from './sections/apply.vi';
import { dossiers } from './sections/dossiers.vi';
import { backoffice } from './sections/backoffice.vi';
import { desk } from './sections/desk.vi';
import { calendar } from './sections/calendar.vi';
import { documents } from './sections/documents.vi';
import { clock } from './sections/clock.vi';
import { notices } from './sections/notices.vi';
import { vneid } from './sections/vneid.vi';
import { noticesAdmin } from './sections/noticesAdmin.vi';
import { indicators } from './sections/indicators.vi';
import { indicatorsAdmin } from './sections/indicatorsAdmin.vi';
import { projects } from './sections/projects.vi';
import { feedback } from './sections/feedback.vi';
import { feedbackStaff } from './sections/feedbackStaff.vi';
import { interop } from './sections/interop.vi';
import { invest } from './sections/invest.vi';

export const vi = { ...common, ...catalogue, ...auth, ...apply, ...dossiers, ...backoffice, ...desk, ...calendar, ...documents, ...clock, ...notices, ...vneid, ...noticesAdmin, ...indicators, ...indicatorsAdmin, ...projects, ...feedback, ...feedbackStaff, ...interop, ...invest };

export type MessageKey = keyof typeof vi;
/** A full dictionary: English must have every Vietnamese key (a missing one fails tsc). */
export type Messages = Record<MessageKey, string>;
