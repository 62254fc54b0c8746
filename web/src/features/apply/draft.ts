import { useCallback, useState } from 'react';
import { readJson, remove, writeJson } from '../../lib/storage';
import { newId } from '../../lib/validate';

export interface DraftFile {
  fileId: string;
  name: string;
  size: number;
  mime: string;
}

/**
 * An application in progress, saved on this device as it is typed: it survives a reload, a
 * dropped connection and a detour to sign in. The idempotency key is made once per draft, so
 * re-sending after a lost answer returns the same dossier instead of a second one.
 */
export interface Draft {
  v: 1;
  procedureCode: string;
  idempotencyKey: string;
  formData: Record<string, string>;
  documents: Record<string, DraftFile>;
  /** The account that uploaded the files (files are readable by their uploader only). */
  ownerId: string | null;
  updatedAt: string;
}

export const draftKey = (code: string) => `nts.draft.${code}`;

function fresh(code: string): Draft {
  return { v: 1, procedureCode: code, idempotencyKey: newId(), formData: {}, documents: {}, ownerId: null, updatedAt: new Date().toISOString() };
}

export function loadDraft(code: string): Draft {
  const d = readJson<Draft>(draftKey(code));
  if (!d || d.v !== 1 || d.procedureCode !== code || typeof d.idempotencyKey !== 'string') return fresh(code);
  return { ...d, formData: d.formData ?? {}, documents: d.documents ?? {} };
}

export function clearDraft(code: string): void {
  remove(draftKey(code));
}

export interface DraftApi {
  draft: Draft;
  /** False when the browser refused to store the draft (private mode, full storage). */
  saved: boolean;
  setField: (key: string, value: string) => void;
  setDocument: (requirementId: string, file: DraftFile | null, ownerId?: string) => void;
  /** Starts over (new idempotency key). */
  reset: () => void;
}

export function useDraft(code: string): DraftApi {
  const [state, setState] = useState(() => ({ draft: loadDraft(code), saved: true }));

  const update = useCallback(
    (change: (d: Draft) => Draft) => {
      setState((s) => {
        const draft = { ...change(s.draft), updatedAt: new Date().toISOString() };
        return { draft, saved: writeJson(draftKey(code), draft) };
      });
    },
    [code],
  );

  const setField = useCallback((key: string, value: string) => update((d) => ({ ...d, formData: { ...d.formData, [key]: value } })), [update]);

  const setDocument = useCallback(
    (requirementId: string, file: DraftFile | null, ownerId?: string) =>
      update((d) => {
        const documents = { ...d.documents };
        if (file) documents[requirementId] = file;
        else delete documents[requirementId];
        return { ...d, documents, ownerId: ownerId ?? d.ownerId };
      }),
    [update],
  );

  const reset = useCallback(() => {
    clearDraft(code);
    setState({ draft: fresh(code), saved: true });
  }, [code]);

  return { draft: state.draft, saved: state.saved, setField, setDocument, reset };
}
