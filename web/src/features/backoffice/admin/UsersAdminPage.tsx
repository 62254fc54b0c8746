import { useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../router';
import { useApi } from '../../../api/useApi';
import type { User } from '../../../api/types';
import { Button, ErrorState, Loading, Tag } from '../../../ui';
import { boApi, type AdminUser, type ItemList, type Unit } from '../api';
import { CreateUser } from './users/CreateUser';
import { EditUser } from './users/EditUser';
import { compareViNames } from './users/userForm';

/** Staff accounts of the admin's unit, sorted the Vietnamese way, with create and edit. */
export function UsersAdminPage({ user }: { user: User }) {
  const { t } = useT();
  const users = useApi<ItemList<AdminUser>>(boApi.users());
  const units = useApi<ItemList<Unit>>(boApi.units());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('bo.users.title'));
  const departments = units.data?.items.find((u) => u.id === user.unit?.id)?.departments ?? [];
  const list = [...(users.data?.items ?? [])].sort((a, b) => compareViNames(a.fullName, b.fullName));
  const current = list.find((u) => u.id === editing) ?? null;

  const replace = (u: AdminUser) => {
    if (!users.data) return;
    const exists = users.data.items.some((x) => x.id === u.id);
    users.setData({ items: exists ? users.data.items.map((x) => (x.id === u.id ? u : x)) : [...users.data.items, u] });
  };
  const announce = (text: string) => {
    setNotice(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  return (
    <>
      <h1>{t('bo.users.title')}</h1>
      {notice && (
        <div className="banner banner--success" role="status" tabIndex={-1} ref={noticeRef} aria-labelledby="u-done">
          <h2 className="banner__title" id="u-done">
            {t('common.done')}
          </h2>
          <div className="banner__content">
            <p>{notice}</p>
          </div>
        </div>
      )}
      {units.error && <ErrorState error={units.error} onRetry={units.reload} title={t('bo.users.unitsFailed')} />}
      {users.error && !users.data ? (
        <ErrorState error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="u-caption" tabIndex={0}>
          <table className="table bo-table">
            <caption id="u-caption">{t('bo.users.count', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bo.users.fullName')}</th>
                <th scope="col">{t('bo.users.login')}</th>
                <th scope="col">{t('bo.users.roles')}</th>
                <th scope="col">{t('bo.users.department')}</th>
                <th scope="col">{t('bo.users.status')}</th>
                <th scope="col">{t('bo.docs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.fullName}</th>
                  <td>{u.login}</td>
                  <td>{u.roles.map((r) => t(`bo.role.${r}`)).join(', ')}</td>
                  <td>{u.department?.name ?? '—'}</td>
                  <td>
                    {u.disabled ? <Tag colour="red">{t('bo.users.disabled')}</Tag> : <Tag colour="green">{t('bo.users.active')}</Tag>}
                    {u.mustChangePassword && !u.disabled && (
                      <>
                        {' '}
                        <Tag colour="yellow">{t('bo.users.mustChange')}</Tag>
                      </>
                    )}
                  </td>
                  <td>
                    <Button variant="secondary" small aria-expanded={editing === u.id} onClick={() => setEditing(editing === u.id ? null : u.id)}>
                      {t('bo.users.edit')}
                      <span className="visually-hidden"> {u.fullName}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <EditUser
          key={current.id}
          user={current}
          departments={departments}
          onClose={() => setEditing(null)}
          onSaved={(u, what) => {
            replace(u);
            announce(t(what === 'password' ? 'bo.users.passwordDone' : what === 'twoFactor' ? 'bo.users.twoFactorDone' : 'bo.users.savedDone', { name: u.fullName }));
          }}
        />
      )}
      <CreateUser
        departments={departments}
        onCreated={(u) => {
          replace(u);
          announce(t('bo.users.createdDone', { name: u.fullName, login: u.login }));
        }}
      />
    </>
  );
}
