// Types of the feedback API come from the one contract the server validates with.
import type { PublicDetailSchema, PublicListSchema, PublicReport, SimilarSchema } from '@domain/feedback-contract.ts';
import type { z } from 'zod';

export type { PublicReport };
export type PublicList = z.infer<typeof PublicListSchema>;
export type PublicDetail = z.infer<typeof PublicDetailSchema>;
export type Similar = z.infer<typeof SimilarSchema>;
export type Submitted = { code: string; followToken: string | null; report: PublicReport };
export type Draft = { draftId: string; sentTo: string; expiresAt: string };
