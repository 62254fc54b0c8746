// The row types read with `select *` (or a subset of one table's columns; fields joined from
// another table are named in the Omit), proved against the migrated schema at compile time
// (src/db/rows.ts). A migration that changes a column these read
// fails `npm run typecheck` here, naming the field.
import type { RowCheck } from './rows.ts';
import type { DossierRow, StepRow } from '../modules/dossiers/dossiers.repo.ts';
import type { MessageRow } from '../modules/messages/messages.repo.ts';
import type { IssuedDocumentRow } from '../modules/documents/documents.repo.ts';
import type { ReportRow } from '../modules/feedback/feedback.repo.ts';
import type { CourseRow } from '../modules/indicators/training.service.ts';
import type { ProjectRow, MilestoneRow, ObstacleRow, DirectionRow } from '../modules/projects/projects.repo.ts';

type Proved<T extends true> = T;
export type RowsProved = [
  Proved<RowCheck<'dossiers', DossierRow>>,
  Proved<RowCheck<'dossier_steps', StepRow>>,
  Proved<RowCheck<'messages', MessageRow>>,
  Proved<RowCheck<'issued_documents', Omit<IssuedDocumentRow, 'unit_code' | 'unit_name' | 'owner_name' | 'dossier_code' | 'size' | 'certificate_subject' | 'certificate_issuer' | 'certificate_demo' | 'certificate_not_after'>>>,
  // category: one of the domain's list (src/domain/feedback.ts), checked at the edge, not by a CHECK.
  Proved<RowCheck<'feedback_reports', Omit<ReportRow, 'category' | 'department_name' | 'assignee_name' | 'merged_into_code'>>>,
  // registered_capital_vnd: a bigint read as float8 (exact up to 9 million billion đồng).
  Proved<RowCheck<'projects', Omit<ProjectRow, 'department_name' | 'investor_ids' | 'registered_capital_vnd'>>>,
  Proved<RowCheck<'project_milestones', MilestoneRow>>,
  Proved<RowCheck<'project_obstacles', Omit<ObstacleRow, 'actor_department_name' | 'raised_by_name'>>>,
  Proved<RowCheck<'project_directions', Omit<DirectionRow, 'owner_department_name' | 'given_by_name'>>>,
  // updated_by: the official's name (a join), null when the account is gone.
  Proved<RowCheck<'training_courses', Omit<CourseRow, 'updated_by'>>>,
];
