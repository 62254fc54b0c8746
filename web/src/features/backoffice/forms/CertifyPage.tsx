import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { href } from '../../../routes';
import { api, apiPath, toApiError, type ApiError } from '../../../api/client';
import { uploadFile } from '../../../api/upload';
import { Button, TextInput } from '../../../ui';
import { ActionError } from '../actions/ActionError';
import type { VisitAnswer as Visit } from '@contract/certifications.ts';

interface Row {
  key: number;
  name: string;
  files: File[];
  copies: string;
}
let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, name: '', files: [], copies: '1' });

/**
 * The desk's electronic certified copies (chứng thực bản sao điện tử từ bản chính): the citizen,
 * each original's scan (one PDF or several page images), how many copies; one click certifies,
 * numbers, signs and delivers them all.
 */
export function CertifyPage() {
  const { t } = useT();
  usePageTitle(t('bo.certify.title'));
  const [cccd, setCccd] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [visit, setVisit] = useState<Visit | null>(null);

  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!cccd.trim() || !fullName.trim() || rows.some((r) => !r.name.trim() || r.files.length === 0)) {
      setProblem(t('bo.certify.incomplete'));
      return;
    }
    setProblem(null);
    setPending(true);
    try {
      const documents = [];
      for (const r of rows) {
        const ids = [];
        for (const f of r.files) ids.push((await uploadFile(f)).id);
        documents.push({ name: r.name.trim(), fileIds: ids, copies: Math.max(1, Number(r.copies) || 1) });
      }
      const out = await api.post<Visit>('/certifications', {
        applicant: { kind: 'citizen', cccd: cccd.replace(/\s+/g, ''), fullName: fullName.trim() },
        ...(email.trim() ? { email: email.trim() } : {}),
        documents,
      });
      setVisit(out);
      setRows([emptyRow()]);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <h1>{t('bo.certify.title')}</h1>
      <p className="lead">{t('bo.certify.lead')}</p>
      {visit && (
        <div className="banner banner--success" role="status" aria-labelledby="certify-done">
          <h2 className="banner__title" id="certify-done">
            {t('bo.certify.done', { count: visit.items.length, fee: formatNumber(visit.totalFeeVnd) })}
          </h2>
          <div className="banner__content">
            <ul className="list-plain">
              {visit.items.map((i) => (
                <li key={i.number}>
                  {t('bo.certify.item', { number: i.number, book: i.book, name: i.documentName, pages: i.pages, copies: i.copies, fee: formatNumber(i.feeVnd) })}{' '}
                  <a href={i.document.fileUrl} target="_blank" rel="noopener">
                    {t('bo.certify.open')}
                  </a>{' '}
                  · <Link to={href('verify', { id: i.document.id })}>{t('signed.verify')}</Link>
                </li>
              ))}
            </ul>
            {visit.emailedTo && <p>{t('bo.certify.emailed', { email: visit.emailedTo })}</p>}
          </div>
        </div>
      )}
      {error && <ActionError error={error} onReload={() => setError(null)} />}
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="bo-inline-fields">
          <TextInput id="certify-cccd" label={t('bo.applicant.cccd')} inputMode="numeric" width="w10" value={cccd} onChange={setCccd} />
          <TextInput id="certify-name" label={t('bo.applicant.name')} value={fullName} onChange={setFullName} />
        </div>
        <TextInput id="certify-email" type="email" label={t('bo.certify.email')} hint={t('bo.certify.emailHint')} optional value={email} onChange={setEmail} />
        {rows.map((r, i) => (
          <fieldset key={r.key} className="card">
            <legend className="legend">{t('bo.certify.document', { n: i + 1 })}</legend>
            <TextInput id={`certify-doc-${r.key}`} label={t('bo.certify.docName')} value={r.name} onChange={(name) => update(r.key, { name })} />
            <div className="form-group">
              <label className="label" htmlFor={`certify-files-${r.key}`}>
                {t('bo.certify.scan')}
              </label>
              <p className="hint">{t('bo.certify.scanHint')}</p>
              <input
                id={`certify-files-${r.key}`}
                className="file-input"
                type="file"
                multiple
                accept=".pdf,.jpg,.jpeg,.png"
                onChange={(e) => update(r.key, { files: [...(e.target.files ?? [])] })}
              />
            </div>
            <TextInput id={`certify-copies-${r.key}`} label={t('bo.certify.copies')} inputMode="numeric" width="w5" value={r.copies} onChange={(copies) => update(r.key, { copies })} />
            {rows.length > 1 && (
              <Button variant="secondary" small onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                {t('bo.certify.remove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <div className="button-group">
          <Button variant="secondary" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            {t('bo.certify.add')}
          </Button>
          <Button type="submit" pending={pending}>
            {t('bo.certify.submit')}
          </Button>
        </div>
      </form>
      <h2>{t('bo.certify.registerTitle')}</h2>
      <RegisterLink />
    </>
  );
}

function RegisterLink() {
  const { t } = useT();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const [range, setRange] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  return (
    <>
      <div className="bo-inline-fields">
        <TextInput id="certreg-from" type="date" width="w10" label={t('bo.register.from')} value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
        <TextInput id="certreg-to" type="date" width="w10" label={t('bo.register.to')} value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
      </div>
      <a className="btn btn--secondary" href={apiPath('/certifications/register.pdf', range)} target="_blank" rel="noopener">
        {t('bo.certify.registerOpen')}
        <span className="visually-hidden"> ({t('common.newTab')})</span>
      </a>
    </>
  );
}
