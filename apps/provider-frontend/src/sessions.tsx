import { ErrorRegion } from '@oc/web-ui/components';
import { formatDateTime } from '@oc/web-ui/format';
import { useAction, useLoad } from '@oc/web-ui/hooks';
import { account as accountApi } from './api';
import { locale, t } from './i18n';
import { describe } from './util';

/** Where the account is signed in, with "sign out" per session and everywhere else. */
export function SessionsSection(props: { onSignedOut: () => void }) {
  const list = useLoad(() => accountApi.sessions(), []);
  const action = useAction();

  const end = (id: string, current: boolean) =>
    action.run(async () => {
      await accountApi.endSession(id);
      if (current) props.onSignedOut();
      else list.reload();
    });
  const endOthers = () =>
    action.run(async () => {
      await accountApi.endOtherSessions();
      list.reload();
    });

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
                    <button type="button" class="button" disabled={action.busy} onClick={() => end(s.id, s.current)}>
                      {t('sessionsSignOut')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" class="button" disabled={action.busy || (list.data?.length ?? 0) < 2} onClick={endOthers}>
          {t('sessionsSignOutOthers')}
        </button>
      </p>
    </section>
  );
}
