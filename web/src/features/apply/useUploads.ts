import { useCallback, useEffect, useRef, useState } from 'react';
import { checkFile, uploadFile } from '../../api/upload';
import { toApiError, type ApiError } from '../../api/client';
import type { UploadedFile } from '../../api/types';

export interface UploadState {
  status: 'uploading' | 'error';
  file: File;
  progress: number;
  error: ApiError | null;
}

/**
 * Uploads in flight, per document requirement. The chosen File is kept in memory so a failed
 * upload can be retried with one click, without choosing the file again. Lives in the apply
 * page, not a step, so moving between steps does not interrupt an upload.
 */
export function useUploads(onDone: (requirementId: string, file: UploadedFile) => void) {
  const [states, setStates] = useState<Record<string, UploadState>>({});
  const controllers = useRef<Record<string, AbortController>>({});
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => () => Object.values(controllers.current).forEach((c) => c.abort()), []);

  const patch = useCallback((id: string, s: Partial<UploadState> | null) => {
    setStates((all) => {
      const next = { ...all };
      if (s === null) delete next[id];
      else next[id] = { ...(all[id] as UploadState), ...s };
      return next;
    });
  }, []);

  const start = useCallback(
    (id: string, file: File) => {
      controllers.current[id]?.abort();
      const local = checkFile(file);
      if (local) {
        setStates((all) => ({ ...all, [id]: { status: 'error', file, progress: 0, error: local } }));
        return;
      }
      const controller = new AbortController();
      controllers.current[id] = controller;
      setStates((all) => ({ ...all, [id]: { status: 'uploading', file, progress: 0, error: null } }));
      uploadFile(file, { signal: controller.signal, onProgress: (p) => patch(id, { progress: p }) })
        .then((uploaded) => {
          delete controllers.current[id];
          patch(id, null);
          doneRef.current(id, uploaded);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          delete controllers.current[id];
          patch(id, { status: 'error', error: toApiError(e) });
        });
    },
    [patch],
  );

  const retry = useCallback(
    (id: string) => {
      const s = states[id];
      if (s) start(id, s.file);
    },
    [states, start],
  );

  const cancel = useCallback(
    (id: string) => {
      controllers.current[id]?.abort();
      delete controllers.current[id];
      patch(id, null);
    },
    [patch],
  );

  return { states, start, retry, cancel };
}

export type Uploads = ReturnType<typeof useUploads>;
