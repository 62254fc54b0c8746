import { useEffect, useState, type FormEvent } from 'react';
import { pick, useT } from '../../../i18n';
import { useSubmit } from '../../../api/useApi';
import type { Dossier, DocumentRequirement, FormField, Procedure, SupplementItem } from '../../../api/types';
import { readJson, remove, writeJson } from '../../../lib/storage';
import { Button, ErrorSummary, Tag, type FormError } from '../../../ui';
import { FieldInput } from '../../../ui/FieldInput';
import { DocumentUpload } from '../../apply/steps/DocumentUpload';
import { useUploads } from '../../apply/useUploads';
import type { DraftFile } from '../../apply/draft';
import { runAction } from '../api';

interface Answers {
  values: Record<string, string>;
  files: Record<string, DraftFile>;
}

type Answer = { itemId: string; fileId?: string; value?: string };

const storageKey = (code: string) => `nts.draft.supplement.${code}`;

function requirementFor(item: SupplementItem, p: Procedure | undefined, reasonLabel: string): DocumentRequirement {
  const req = p?.documents.find((d) => d.id === item.target.key);
  return {
    id: item.id,
    name: req?.name ?? item.target.key,
    kind: req?.kind ?? 'copy',
    required: true,
    copies: req?.copies ?? 1,
    formUrl: req?.formUrl ?? null,
    note: `${reasonLabel}: ${item.reason}`,
  };
}

function fieldFor(item: SupplementItem, p: Procedure | undefined, reasonLabel: string, current = ''): FormField {
  const f = p?.formFields.find((x) => x.key === item.target.key);
  const base: FormField = f ?? { key: item.target.key, label: item.target.key, labelEn: item.target.key, type: 'text', required: true, hint: '', hintEn: '' };
  const hint = [`${reasonLabel}: ${item.reason}`, current].filter(Boolean).join('. ');
  return { ...base, required: true, hint, hintEn: hint };
}

/**
 * The open request to supplement, answered item by item: a new file for a document, a new value
 * for a field, each next to the reason given. Answers are kept on this device until sent.
 */
export function SupplementForm({ dossier, procedure, onDone }: { dossier: Dossier; procedure: Procedure | undefined; onDone: (d: Dossier) => void }) {
  const { t, lang } = useT();
  const [answers, setAnswers] = useState<Answers>(() => readJson<Answers>(storageKey(dossier.code)) ?? { values: {}, files: {} });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const uploads = useUploads((itemId, f) => setAnswers((a) => ({ ...a, files: { ...a.files, [itemId]: { fileId: f.id, name: f.name, size: f.size, mime: f.mime } } })));
  const submit = useSubmit((list: Answer[]) => runAction(dossier, 'answer_supplement', { answers: list }));
  useEffect(() => {
    writeJson(storageKey(dossier.code), answers);
  }, [answers, dossier.code]);

  const items = dossier.openSupplement?.items ?? [];
  const pending = items.filter((i) => !i.answered);
  const reasonLabel = t('supplement.reason');
  const currentText = (item: SupplementItem) => {
    const v = dossier.formData?.[item.target.key];
    return v === undefined || v === null || v === '' ? '' : t('supplement.current', { value: String(v) });
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const list = pending.flatMap((i): Answer[] => {
      const file = answers.files[i.id];
      if (i.target.type === 'document') return file ? [{ itemId: i.id, fileId: file.fileId }] : [];
      const v = (answers.values[i.id] ?? '').trim();
      return v ? [{ itemId: i.id, value: v }] : [];
    });
    const found: FormError[] = [];
    for (const i of pending) {
      if (uploads.states[i.id]?.status === 'uploading') found.push({ target: `doc-${i.id}`, text: t('apply.error.stillUploading', { name: requirementFor(i, procedure, '').name }) });
    }
    if (list.length === 0 && found.length === 0) {
      const first = pending[0];
      found.push({ target: first ? (first.target.type === 'document' ? `doc-${first.id}` : `sup-${first.id}`) : 'supplement-submit', text: t('supplement.error.none') });
    }
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length) return;
    const d = await submit.run(list);
    if (d) {
      remove(storageKey(dossier.code));
      onDone(d);
    } else setAttempt((a) => a + 1);
  };

  const all = submit.error ? [...errors, { target: 'supplement-submit', text: submit.error.localized(lang) }] : errors;
  const errorFor = (id: string) => errors.find((x) => x.target === id)?.text ?? null;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={all} focusKey={attempt} />
      {dossier.openSupplement?.comment && <p style={{ whiteSpace: 'pre-line' }}>{dossier.openSupplement.comment}</p>}
      {items.map((item) =>
        item.answered ? (
          <div key={item.id} className="form-group doc-upload">
            <p className="label">{item.target.type === 'document' ? requirementFor(item, procedure, '').name : pick(lang, fieldFor(item, procedure, '').label, fieldFor(item, procedure, '').labelEn)}</p>
            <Tag colour="green">{t('supplement.answered')}</Tag>
          </div>
        ) : item.target.type === 'document' ? (
          <DocumentUpload
            key={item.id}
            doc={requirementFor(item, procedure, reasonLabel)}
            file={answers.files[item.id]}
            upload={uploads.states[item.id]}
            error={errorFor(`doc-${item.id}`)}
            onChoose={(f) => uploads.start(item.id, f)}
            onRetry={() => uploads.retry(item.id)}
            onCancel={() => uploads.cancel(item.id)}
            onRemove={() => setAnswers(({ files: { [item.id]: _gone, ...files }, values }) => ({ values, files }))}
          />
        ) : (
          <FieldInput
            key={item.id}
            id={`sup-${item.id}`}
            field={fieldFor(item, procedure, reasonLabel, currentText(item))}
            label={t('supplement.newValue', { label: pick(lang, fieldFor(item, procedure, '').label, fieldFor(item, procedure, '').labelEn) })}
            value={answers.values[item.id] ?? ''}
            error={errorFor(`sup-${item.id}`)}
            onChange={(v) => setAnswers((a) => ({ ...a, values: { ...a.values, [item.id]: v } }))}
          />
        ),
      )}
      <Button type="submit" id="supplement-submit" pending={submit.pending}>
        {t('supplement.submit')}
      </Button>
    </form>
  );
}
