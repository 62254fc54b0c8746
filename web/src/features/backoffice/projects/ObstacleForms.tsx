import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSession } from '../../../api/session';
import { useT, type MessageKey } from '../../../i18n';
import { Button, ErrorState, ErrorSummary, NotificationBanner, Radios, Select, Textarea, TextInput, type FormError } from '../../../ui';
import { boApi, type Unit } from '../api';
import { completeDirection, raiseObstacle, resolveObstacle, type ProjectDetail } from './api';

/** The departments of the signed-in official's unit (who may be named to act). */
export function useDepartments() {
  const { user } = useSession();
  const units = useApi<{ items: Unit[] }>(boApi.units());
  return units.data?.items.find((u) => u.id === user?.unit?.id)?.departments ?? [];
}

/** A one-field form (a text and a button): raise, report done, resolve. Answers the project. */
function useSubmit(onChange: (d: ProjectDetail) => void) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const run = async (problems: FormError[], call: () => Promise<ProjectDetail>, reset: () => void) => {
    setErrors(problems);
    setAttempt((n) => n + 1);
    setFailure(null);
    setDone(false);
    if (problems.length) return;
    setPending(true);
    try {
      onChange(await call());
      reset();
      setDone(true);
    } catch (x) {
      setFailure(toApiError(x));
    } finally {
      setPending(false);
    }
  };
  const banner = (
    <>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {failure && <ErrorState error={failure} />}
    </>
  );
  return { run, banner, pending, done, err: (id: string) => errors.find((e) => e.target === id)?.text };
}

export type ActorKind = 'department' | 'investor' | 'other';

/** Who must act (an obstacle) or is given a direction: a department of the unit, the investor, or someone named. */
export function WhoActs(props: {
  ids: { kind: string; dept: string; other: string };
  legend: string;
  deptLabel: string;
  kind: ActorKind;
  onKind: (k: ActorKind) => void;
  dept: string;
  onDept: (id: string) => void;
  other: string;
  onOther: (text: string) => void;
  departments: readonly { id: string; name: string }[];
  errorOf?: (id: string) => string | undefined;
}) {
  const { t } = useT();
  const { ids, errorOf } = props;
  return (
    <>
      <Radios
        id={ids.kind}
        legend={props.legend}
        inline
        value={props.kind}
        onChange={(v) => props.onKind(v === 'investor' ? 'investor' : v === 'other' ? 'other' : 'department')}
        options={[
          { value: 'department', label: t('prj.direct.ownerDepartment') },
          { value: 'investor', label: t('prj.actor.investor') },
          { value: 'other', label: t('prj.direct.ownerOther') },
        ]}
      />
      {props.kind === 'department' && (
        <Select id={ids.dept} label={props.deptLabel} value={props.dept} onChange={props.onDept} placeholder="—" options={props.departments.map((x) => ({ value: x.id, label: x.name }))} error={errorOf?.(ids.dept)} />
      )}
      {props.kind === 'other' && <TextInput id={ids.other} label={t('prj.direct.ownerOther')} value={props.other} onChange={props.onOther} error={errorOf?.(ids.other)} />}
    </>
  );
}

/** What blocks the project and who must act: the department, the unit's leaders, or the investor. */
export function RaiseObstacleForm({ projectId, onChange }: { projectId: string; onChange: (d: ProjectDetail) => void }) {
  const { t } = useT();
  const departments = useDepartments();
  const [description, setDescription] = useState('');
  const [actorKind, setActorKind] = useState<ActorKind>('department');
  const [dept, setDept] = useState('');
  const [other, setOther] = useState('');
  const s = useSubmit(onChange);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: FormError[] = [];
    if (!description.trim()) problems.push({ target: 'obs-description', text: t('prj.obs.err.description') });
    if (actorKind === 'department' && !dept) problems.push({ target: 'obs-dept', text: t('prj.obs.err.department') });
    if (actorKind === 'other' && !other.trim()) problems.push({ target: 'obs-other', text: t('prj.obs.err.other') });
    void s.run(
      problems,
      () => raiseObstacle(projectId, { description: description.trim(), actorKind, actorDepartmentId: actorKind === 'department' ? dept : null, actorOther: actorKind === 'other' ? other.trim() : '' }),
      () => {
        setDescription('');
        setOther('');
      },
    );
  };
  return (
    <form className="prj-obstacle-form" onSubmit={submit} noValidate aria-labelledby="obs-title">
      <h3 id="obs-title">{t('prj.obs.title')}</h3>
      {s.done && <NotificationBanner type="success" title={t('prj.obs.done')} />}
      {s.banner}
      <Textarea id="obs-description" label={t('prj.obs.description')} rows={3} value={description} onChange={setDescription} error={s.err('obs-description')} />
      <WhoActs
        ids={{ kind: 'obs-actor', dept: 'obs-dept', other: 'obs-other' }}
        legend={t('prj.obs.actor')}
        deptLabel={t('prj.obs.department')}
        kind={actorKind}
        onKind={setActorKind}
        dept={dept}
        onDept={setDept}
        other={other}
        onOther={setOther}
        departments={departments}
        errorOf={s.err}
      />
      <Button type="submit" pending={s.pending}>
        {t('prj.obs.submit')}
      </Button>
    </form>
  );
}

/** One text and a button that answers the project: a direction reported done, an obstacle resolved. */
function NoteForm(props: {
  id: string;
  text: { title: MessageKey; label: MessageKey; missing: MessageKey; submit: MessageKey };
  send: (note: string) => Promise<ProjectDetail>;
  onChange: (d: ProjectDetail) => void;
}) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const s = useSubmit(props.onChange);
  const { id, text } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(note.trim() ? [] : [{ target: id, text: t(text.missing) }], () => props.send(note.trim()), () => setNote(''));
  };
  return (
    <form className="prj-inline-form" onSubmit={submit} noValidate aria-label={t(text.title)}>
      {s.banner}
      <Textarea id={id} label={t(text.label)} rows={2} value={note} onChange={setNote} error={s.err(id)} />
      <Button type="submit" variant="secondary" pending={s.pending}>
        {t(text.submit)}
      </Button>
    </form>
  );
}

/** Whoever a direction was given to reports it done, with what was done. */
export function CompleteDirectionForm({ projectId, directionId, onChange }: { projectId: string; directionId: string; onChange: (d: ProjectDetail) => void }) {
  return (
    <NoteForm
      id={`done-${directionId}`}
      text={{ title: 'prj.done.title', label: 'prj.done.note', missing: 'prj.done.err', submit: 'prj.done.submit' }}
      send={(note) => completeDirection(projectId, directionId, note)}
      onChange={onChange}
    />
  );
}

/** A leader records the obstacle resolved; its open directions close with it. */
export function ResolveObstacleForm({ projectId, obstacleId, onChange }: { projectId: string; obstacleId: string; onChange: (d: ProjectDetail) => void }) {
  return (
    <NoteForm
      id={`resolve-${obstacleId}`}
      text={{ title: 'prj.resolve.title', label: 'prj.resolve.text', missing: 'prj.resolve.err', submit: 'prj.resolve.submit' }}
      send={(resolution) => resolveObstacle(projectId, obstacleId, resolution)}
      onChange={onChange}
    />
  );
}
