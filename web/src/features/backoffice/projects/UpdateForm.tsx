import { useState, type FormEvent } from 'react';
import { MILESTONES, type MilestoneKind } from '@domain/projects.ts';
import { ACCEPT_ATTRIBUTE, checkFile, uploadFile } from '../../../api/upload';
import { toApiError, type ApiError } from '../../../api/client';
import { useT } from '../../../i18n';
import { Button, Checkboxes, DateInput, ErrorState, ErrorSummary, Field, NotificationBanner, describedBy, Select, Textarea, TextInput, normalizeDate, type FormError } from '../../../ui';
import { vnToday } from '../../indicators/components/PeriodForm';
import { addUpdate, type ProjectDetail } from './api';
import { milestoneLabel } from './labels';

/** "9,5" or "9.5" → 9.5; "320.000.000.000" → 320000000000 (Vietnamese thousands dots). */
const parsePct = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));
const parseVnd = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[.,\s]/g, '').replace(/đồng|đ/gi, '')));

/**
 * A progress report with evidence (docs/PROJECTS.md): by the responsible department, or by the
 * investor's account. The milestone reached and the publication are offered only to whom the API
 * allows them (`may`).
 */
export function UpdateForm({ project, onChange }: { project: ProjectDetail; onChange: (d: ProjectDetail) => void }) {
  const { t, lang } = useT();
  const [reportedOn, setReportedOn] = useState(vnToday());
  const [progress, setProgress] = useState('');
  const [disbursed, setDisbursed] = useState('');
  const [note, setNote] = useState('');
  const [milestone, setMilestone] = useState('');
  const [publish, setPublish] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const open = project.milestones.filter((m) => !m.actualDate).map((m) => m.kind);
  const reachable = MILESTONES.filter((k: MilestoneKind) => open.includes(k) || !project.milestones.some((m) => m.kind === k));
  // Ids carry the project's: the investor's page holds one form a project.
  const fid = (k: string) => `upd-${project.id}-${k}`;
  const err = (k: string) => errors.find((e) => e.target === fid(k))?.text;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    const date = normalizeDate(reportedOn);
    if (!date || date > vnToday()) problems.push({ target: fid('date'), text: t('prj.upd.err.date') });
    const pct = parsePct(progress);
    if (pct !== null && !(Number.isFinite(pct) && pct >= 0 && pct <= 100)) problems.push({ target: fid('progress'), text: t('prj.upd.err.progress') });
    const vnd = parseVnd(disbursed);
    if (vnd !== null && !(Number.isSafeInteger(vnd) && vnd >= 0)) problems.push({ target: fid('disbursed'), text: t('prj.upd.err.disbursed') });
    if (!note.trim()) problems.push({ target: fid('note'), text: t('prj.upd.err.note') });
    for (const f of files) {
      const bad = checkFile(f);
      if (bad) problems.push({ target: fid('files'), text: `${f.name}: ${lang === 'en' ? bad.messageEn : bad.message}` });
    }
    setErrors(problems);
    setAttempt((n) => n + 1);
    setDone(false);
    setFailure(null);
    if (problems.length || !date) return;
    setPending(true);
    try {
      const uploaded = [];
      for (const f of files) uploaded.push(await uploadFile(f));
      onChange(
        await addUpdate(project.id, {
          reportedOn: date,
          progressPct: pct,
          disbursedVnd: vnd,
          note: note.trim(),
          milestones: milestone ? [{ kind: milestone as MilestoneKind, actualDate: date }] : [],
          public: publish.includes('public'),
          files: uploaded.map((u) => ({ uploadId: u.id, caption: u.name })),
        }),
      );
      setProgress('');
      setDisbursed('');
      setNote('');
      setMilestone('');
      setPublish([]);
      setFiles([]);
      setFileKey((k) => k + 1);
      setDone(true);
    } catch (x) {
      setFailure(toApiError(x));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="prj-update-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={fid('title')}>
      <h3 id={fid('title')}>{t('prj.upd.title')}</h3>
      {done && <NotificationBanner type="success" title={t('prj.upd.done')} />}
      <ErrorSummary errors={errors} focusKey={attempt} />
      {failure && <ErrorState error={failure} />}
      <DateInput id={fid('date')} legend={t('prj.upd.date')} value={reportedOn} onChange={setReportedOn} error={err('date')} />
      <TextInput id={fid('progress')} label={t('prj.upd.progress')} hint={t('prj.upd.progressHint')} width="w5" inputMode="decimal" value={progress} onChange={setProgress} error={err('progress')} optional />
      <TextInput id={fid('disbursed')} label={t('prj.upd.disbursed')} hint={t('prj.upd.disbursedHint')} width="w20" inputMode="numeric" value={disbursed} onChange={setDisbursed} error={err('disbursed')} optional />
      <Textarea id={fid('note')} label={t('prj.upd.note')} rows={3} value={note} onChange={setNote} error={err('note')} />
      {project.may.recordMilestone && reachable.length > 0 && (
        <Select
          id={fid('milestone')}
          label={t('prj.upd.milestone')}
          hint={t('prj.upd.milestoneHint')}
          value={milestone}
          onChange={setMilestone}
          placeholder={t('prj.upd.noMilestone')}
          options={reachable.map((k) => ({ value: k, label: milestoneLabel(lang, k) }))}
        />
      )}
      <Field id={fid('files')} label={t('prj.upd.files')} hint={t('prj.upd.filesHint')} error={err('files')} optional>
        <input key={fileKey} id={fid('files')} type="file" multiple accept={ACCEPT_ATTRIBUTE} aria-describedby={describedBy(fid('files'), true, err('files'))} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
      </Field>
      {project.may.edit && <Checkboxes id={fid('public')} legend={t('prj.upd.publicLegend')} value={publish} onChange={setPublish} options={[{ value: 'public', label: t('prj.upd.public') }]} />}
      <Button type="submit" pending={pending}>
        {t('prj.upd.submit')}
      </Button>
    </form>
  );
}
