import { useRef, useState } from 'react';
import { useT } from '../../../i18n';
import type { UploadedFile } from '../../../api/types';
import { FilePicker } from '../components/FilePicker';
import { useFileUpload } from '../components/useFileUpload';
import { fid } from './draft';

/** The result documents (decision, certificate…), uploaded one by one with progress. */
export function ResultFiles({ action, files, onChange }: { action: string; files: UploadedFile[]; onChange: (files: UploadedFile[]) => void }) {
  const { t } = useT();
  const latest = useRef(files);
  latest.current = files;
  const [slot, setSlot] = useState(1);
  const { uploads, start, cancel } = useFileUpload((_, uploaded) => {
    onChange([...latest.current, uploaded]);
    setSlot((n) => n + 1);
  });
  const current = `s${slot}`;
  return (
    <fieldset className="form-group">
      <legend className="legend">{t('bo.act.resultFiles')}</legend>
      <p className="hint">{t('bo.act.resultFilesHint')}</p>
      {files.length > 0 && (
        <ul className="list-plain">
          {files.map((f, i) => (
            <li key={f.id}>
              <FilePicker
                id={`${fid(action, 'file')}-done-${i}`}
                label={t('bo.act.resultFile', { n: i + 1 })}
                upload={undefined}
                stored={f}
                onChoose={() => undefined}
                onCancel={() => undefined}
                onRemove={() => onChange(files.filter((x) => x.id !== f.id))}
              />
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        id={fid(action, 'file')}
        label={files.length ? t('bo.act.addResultFile') : t('bo.act.chooseResultFile')}
        upload={uploads[current]}
        stored={undefined}
        onChoose={(f) => start(current, f)}
        onCancel={() => cancel(current)}
        onRemove={() => undefined}
      />
    </fieldset>
  );
}
