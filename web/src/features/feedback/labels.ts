import { CATEGORY_CODES, FEEDBACK_CATEGORIES, STATUS_LABELS, type FeedbackCategory, type FeedbackStatus } from '@domain/feedback.ts';
import type { Lang } from '../../i18n';

export const categoryLabel = (c: FeedbackCategory, lang: Lang) => FEEDBACK_CATEGORIES[c][lang];
export const statusLabel = (s: FeedbackStatus, lang: Lang) => STATUS_LABELS[s][lang];
export const categoryOptions = (lang: Lang) => CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }));
