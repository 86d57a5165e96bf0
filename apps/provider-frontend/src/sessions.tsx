import { useState } from 'preact/hooks';
import { ErrorRegion, Field } from '@oc/web-ui/components';
import { formatDateTime } from '@oc/web-ui/format';
import { useAction, useLoad } from '@oc/web-ui/hooks';
import { account as accountApi, auth } from './api';
import { locale, t } from './i18n';
import { describe } from './util';

/**
 * Where the account is signed in, with "sign out" per session and everywhere else. Signing another device out needs
 * the password, so that someone else holding a session cannot sign the owner out; this browser signs out as usual.
 */
export function SessionsSection(props: { onSignedOut: () => void }) {
  const list = useLoad(() => accountApi.sessions(), []);
  const action = useAction();
  const [password, setPassword] = useState('');

  const end = (id: string, current: boolean) =>
    action.run(async () => {
      if (current) {
        await auth.signOut();
        props.onSignedOut();
      } else {
        await accountApi.endSession(id, password);
        list.reload();
      }
    });
  const endOthers = () =>
    action.run(async () => {
      await accountApi.endOtherSessions(password);
      setPassword('');
      list.reload();
    });
  const others = (list.data?.length ?? 0) > 1;

  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessionsTitle')}</h2>
      <ErrorRegion message={action.error || list.error ? describe(action.error ?? list.error) : undefined} />
      {list.data && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('sessionsDevice')}</th>
                <th>{t('sessionsAddress')}</th>
                <th>{t('sessionsLastSeen')}</th>
                <th>
                  <span class="visually-hidden">{t('clientActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.id} data-testid="session">
                  <td>
                    {s.device === 'Unknown' ? t('sessionsUnknownDevice') : s.device}
                    {s.current && <strong> · {t('sessionsCurrent')}</strong>}
                  </td>
                  <td>{s.address ?? '—'}</td>
                  <td>{formatDateTime(s.lastSeenAt, locale())}</td>
                  <td>
                    <button
                      type="button"
                      class="button"
                      disabled={action.busy || (!s.current && !password)}
                      onClick={() => end(s.id, s.current)}
                    >
                      {t('sessionsSignOut')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others && (
        <Field
          id="sessions-password"
          label={t('password')}
          hint={t('sessionsPasswordHint')}
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
        />
      )}
      <p>
        <button type="button" class="button" disabled={action.busy || !others || !password} onClick={endOthers}>
          {t('sessionsSignOutOthers')}
        </button>
      </p>
    </section>
  );
}
