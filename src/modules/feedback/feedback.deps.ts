import type { AppDeps } from '../../server/deps.ts';
import { serverKeys } from '../../server/secrets.ts';
import { notifySettings } from '../notifications/index.ts';
import type { FeedbackDeps } from './feedback.service.ts';

/** A photo of a report is a phone picture: 10 MB is ample (or less, if MAX_UPLOAD_MB is lower). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The deps of the feedback use cases, from the app's. */
export const feedbackDeps = (deps: AppDeps): FeedbackDeps => ({
  database: deps.database,
  blobs: deps.blobs,
  keys: serverKeys(deps.config.secret),
  notify: notifySettings(deps.config),
  maxPhotoBytes: Math.min(MAX_PHOTO_BYTES, deps.config.maxUploadBytes),
});
