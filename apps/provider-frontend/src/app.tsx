import { useEffect, useState } from 'preact/hooks';
import { LanguageSwitch, Link } from '@oc/web-ui/components';
import { useChanges } from '@oc/web-ui/hooks';
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

const PUBLIC = ['/signin', '/signup'];

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
    if (!account && !PUBLIC.includes(path)) navigate('/signin', { replace: true });
    else if (account && (PUBLIC.includes(path) || path === '/')) navigate('/documents', { replace: true });
  }, [account, path]);

  useEffect(() => {
    document.title = t('appName');
  }, [path, i18n.language]);

  const languages = <LanguageSwitch language={i18n.language} label={t('language')} onChange={i18n.choose} />;
  if (account === undefined) {
    return <main><p role="status">{t('loading')}</p></main>;
  }

  const signedIn = (a: Account) => {
    setNotice(undefined);
    setAccount(a);
  };
  const signOut = async () => {
    await auth.signOut().catch(() => undefined);
    setAccount(null);
  };

  return (
    <>
      <a class="skip-link" href="#content">{t('skipToContent')}</a>
      <header class="topbar">
        <Link class="topbar__brand" href={account ? '/documents' : '/signin'}>{t('appName')}</Link>
        {!account && languages}
        {account && (
          <nav aria-label={t('appName')}>
            <NavLink href="/documents" path={path}>{t('navDocuments')}</NavLink>
            <NavLink href="/clients" path={path}>{t('navClients')}</NavLink>
            <NavLink href="/activity" path={path}>{t('navActivity')}</NavLink>
            <span class="muted">{t('signedInAs', { email: account.email })}</span>
            {languages}
            <button type="button" class="button" onClick={signOut}>{t('signOut')}</button>
          </nav>
        )}
      </header>
      <main id="content">
        {account ? <SignedInRoutes path={path} /> : <PublicRoutes path={path} notice={notice} onSignedIn={signedIn} />}
      </main>
    </>
  );
}

function NavLink(props: { href: string; path: string; children: string }) {
  const current = props.path === props.href || props.path.startsWith(props.href + '/');
  return <Link href={props.href} aria-current={current ? 'page' : undefined}>{props.children}</Link>;
}

function PublicRoutes(props: { path: string; notice?: string; onSignedIn: (a: Account) => void }) {
  if (props.path === '/signup') return <SignUp onSignedIn={props.onSignedIn} />;
  return <SignIn notice={props.notice} onSignedIn={props.onSignedIn} />;
}

function SignedInRoutes({ path }: { path: string }) {
  let m: Record<string, string> | null;
  if (matchRoute('/documents', path)) return <DocumentsPage />;
  if (matchRoute('/documents/new', path)) return <DocumentEditor />;
  if ((m = matchRoute('/documents/:id/edit', path))) return <DocumentEditor id={m.id} />;
  if ((m = matchRoute('/documents/:id', path))) return <DocumentDetail id={m.id} />;
  if (matchRoute('/clients', path)) return <ClientsPage />;
  if (matchRoute('/activity', path)) return <ActivityPage />;
  if (PUBLIC.includes(path) || path === '/') return null;
  return <NotFound />;
}
