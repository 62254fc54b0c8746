import { useCallback, useEffect, useRef, useState } from 'react';
import { checkFile, uploadFile } from '../../../api/upload';
import { toApiError, type ApiError } from '../../../api/client';
import type { UploadedFile } from '../../../api/types';

export interface Upload {
  /** A slot: a document requirement id, or a running number for "add another file". */
  slot: string;
  file: File;
  progress: number;
  status: 'uploading' | 'error';
  error: ApiError | null;
}

/**
 * Uploads in flight, per slot, with progress. A failed upload keeps the chosen File so it can
 * be retried without choosing it again; unmounting aborts what is still running.
 */
export function useFileUpload(onDone: (slot: string, file: UploadedFile) => void) {
  const [uploads, setUploads] = useState<Record<string, Upload>>({});
  const controllers = useRef<Record<string, AbortController>>({});
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => () => Object.values(controllers.current).forEach((c) => c.abort()), []);

  const set = useCallback((slot: string, patch: Partial<Upload> | null) => {
    setUploads((all) => {
      const next = { ...all };
      if (patch === null) delete next[slot];
      else if (next[slot]) next[slot] = { ...next[slot], ...patch };
      return next;
    });
  }, []);

  const start = useCallback(
    (slot: string, file: File) => {
      controllers.current[slot]?.abort();
      const local = checkFile(file);
      if (local) {
        setUploads((all) => ({ ...all, [slot]: { slot, file, progress: 0, status: 'error', error: local } }));
        return;
      }
      const controller = new AbortController();
      controllers.current[slot] = controller;
      setUploads((all) => ({ ...all, [slot]: { slot, file, progress: 0, status: 'uploading', error: null } }));
      uploadFile(file, { signal: controller.signal, onProgress: (p) => set(slot, { progress: p }) })
        .then((uploaded) => {
          delete controllers.current[slot];
          set(slot, null);
          done.current(slot, uploaded);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          delete controllers.current[slot];
          set(slot, { status: 'error', error: toApiError(e) });
        });
    },
    [set],
  );

  const cancel = useCallback(
    (slot: string) => {
      controllers.current[slot]?.abort();
      delete controllers.current[slot];
      set(slot, null);
    },
    [set],
  );

  const busy = Object.values(uploads).some((u) => u.status === 'uploading');
  return { uploads, start, cancel, busy };
}
