// The feedback pages of the back office (matched by its router, web/src/features/backoffice/paths.ts).
import { boHref } from '../../backoffice/paths';

export const fbStaffHref = {
  queue: boHref.feedback,
  report: (code: string) => `${boHref.feedback()}/${encodeURIComponent(code)}`,
  keys: boHref.open311Keys,
  settings: boHref.feedbackSettings,
  areas: boHref.feedbackAreas,
};
