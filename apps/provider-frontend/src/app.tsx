import { useEffect, useState } from 'preact/hooks';
import { Alert, LanguageSwitch, Link } from '@oc/web-ui/components';
import { useAction, useChanges } from '@oc/web-ui/hooks';
import { matchRoute, navigate, useLocation } from '@oc/web-ui/router';
import { auth, onSessionEnded, type Account } from './api';
import { i18n, t } from './i18n';
import { SignIn, SignUp } from './auth';
import { ClientsPage } from './clients';
import { DocumentsPage } from './documents';
import { DocumentEditor } from './editor';
import { DocumentDetail } from './detail';
import { NotFound } from './not-found';
import { ActivityPage } from './activity-page';
import { AccountPage } from './account';
import { ForgotPassword, ResetPassword, VerifyEmail } from './recovery';
import { TwoFactorEnrolment } from './two-factor';
import { describe } from './util';

const PUBLIC = ['/signin', '/signup', '/forgot-password', '/reset-password'];
/** Opened from a mail: shown signed in or not. */
const FROM_MAIL = ['/verify-email'];

export function App() {
  const location = useLocation();
  const path = location.split('?')[0];
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [notice, setNotice] = useState<string>();
  useChanges(i18n.subscribe);

  useEffect(() => {
    auth.me().then(setAccount, () => setAccount(null));
    onSessionEnded(() => {
      setAccount((current) => {
        if (current) setNotice(t('sessionExpired'));
        return null;
      });
    });
  }, []);

  useEffect(() => {
    if (account === undefined) return;
    if (FROM_MAIL.includes(path)) return;
    if (!account && !PUBLIC.includes(path)) navigate('/signin', { replace: true });
    else if (account && (PUBLIC.includes(path) || path === '/')) navigate('/documents', { replace: true });
  }, [account, path]);

  useEffect(() => {
    document.title = t('appName');
  }, [path, i18n.language]);

  const languages = <LanguageSwitch language={i18n.language} label={t('language')} onChange={i18n.choose} />;
  if (account === undefined) {
    return (
      <main>
        <p role="status">{t('loading')}</p>
      </main>
    );
  }

  const signedIn = (a: Account) => {
    setNotice(undefined);
    setAccount(a);
  };
  const signOut = async () => {
    await auth.signOut().catch(() => undefined);
    setAccount(null);
  };
  const reload = (a?: Account) => {
    if (a) setAccount(a);
    else auth.me().then(setAccount, () => undefined);
  };

  return (
    <>
      <a class="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <Link class="topbar__brand" href={account ? '/documents' : '/signin'}>
          {t('appName')}
        </Link>
        {!account && languages}
        {account && (
          <nav aria-label={t('appName')}>
            <NavLink href="/documents" path={path}>
              {t('navDocuments')}
            </NavLink>
            <NavLink href="/clients" path={path}>
              {t('navClients')}
            </NavLink>
            <NavLink href="/activity" path={path}>
              {t('navActivity')}
            </NavLink>
            <NavLink href="/account" path={path}>
              {t('navAccount')}
            </NavLink>
            <span class="muted">{t('signedInAs', { email: account.email })}</span>
            {languages}
            <button type="button" class="button" onClick={signOut}>
              {t('signOut')}
            </button>
          </nav>
        )}
      </header>
      <main id="content">
        {FROM_MAIL.includes(path) ? (
          <VerifyEmail onVerified={() => account && reload()} />
        ) : account ? (
          <>
            {!account.emailVerified && <VerifyBanner />}
            {account.twoFactorEnrolmentRequired ? (
              <RequiredEnrolment onEnabled={() => reload()} />
            ) : (
              <SignedInRoutes path={path} account={account} onChanged={reload} onSignedOut={() => setAccount(null)} />
            )}
          </>
        ) : (
          <PublicRoutes path={path} notice={notice} onSignedIn={signedIn} />
        )}
      </main>
    </>
  );
}

function NavLink(props: { href: string; path: string; children: string }) {
  const current = props.path === props.href || props.path.startsWith(props.href + '/');
  return (
    <Link href={props.href} aria-current={current ? 'page' : undefined}>
      {props.children}
    </Link>
  );
}

/** Until the address is verified, documents cannot be sent: say so on every page, with a way to get a new link. */
function VerifyBanner() {
  const action = useAction();
  const [sent, setSent] = useState(false);
  const resend = () =>
    action.run(async () => {
      await auth.resendVerification();
      setSent(true);
    });
  return (
    <div class="alert alert--warning banner" role="status" data-testid="verify-banner">
      <span>{sent ? t('verifyBannerSent') : t('verifyBanner')}</span>{' '}
      {!sent && (
        <button type="button" class="button" disabled={action.busy} onClick={resend}>
          {t('verifyResend')}
        </button>
      )}
      {action.error !== undefined && <p>{describe(action.error)}</p>}
    </div>
  );
}

/** The organisation requires a second factor and this account has none: enrolment before anything else. */
function RequiredEnrolment(props: { onEnabled: () => void }) {
  const [enabled, setEnabled] = useState(false);
  return (
    <section class="card">
      <h1>{t('twoFactorTitle')}</h1>
      {!enabled && <Alert kind="warning">{t('twoFactorRequiredNotice')}</Alert>}
      <TwoFactorEnrolment onEnabled={() => setEnabled(true)} />
      {enabled && (
        <p>
          <button type="button" class="button button--primary" onClick={props.onEnabled}>
            {t('twoFactorContinue')}
          </button>
        </p>
      )}
    </section>
  );
}

function PublicRoutes(props: { path: string; notice?: string; onSignedIn: (a: Account) => void }) {
  if (props.path === '/signup') return <SignUp onSignedIn={props.onSignedIn} />;
  if (props.path === '/forgot-password') return <ForgotPassword />;
  if (props.path === '/reset-password') return <ResetPassword />;
  return <SignIn notice={props.notice} onSignedIn={props.onSignedIn} />;
}

function SignedInRoutes({
  path,
  account,
  onChanged,
  onSignedOut,
}: {
  path: string;
  account: Account;
  onChanged: (a?: Account) => void;
  onSignedOut: () => void;
}) {
  let m: Record<string, string> | null;
  if (matchRoute('/account', path))
    return <AccountPage account={account} onChanged={onChanged} onSignedOut={onSignedOut} />;
  if (matchRoute('/documents', path)) return <DocumentsPage />;
  if (matchRoute('/documents/new', path)) return <DocumentEditor />;
  if ((m = matchRoute('/documents/:id/edit', path))) return <DocumentEditor id={m.id} />;
  if ((m = matchRoute('/documents/:id', path))) return <DocumentDetail id={m.id} />;
  if (matchRoute('/clients', path)) return <ClientsPage />;
  if (matchRoute('/activity', path)) return <ActivityPage />;
  if (PUBLIC.includes(path) || path === '/') return null;
  return <NotFound />;
}
