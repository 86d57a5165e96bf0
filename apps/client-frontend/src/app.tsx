import { useEffect } from 'preact/hooks';
import { LanguageSwitch } from '@oc/web-ui/components';
import { useChanges } from '@oc/web-ui/hooks';
import { matchRoute, useLocation } from '@oc/web-ui/router';
import { i18n, t } from './i18n';
import { SharePage } from './share-page';

/** The client app has one real page: the landing page of a link, `/s/{token}`. */
export function App() {
  const location = useLocation();
  const m = matchRoute('/s/:token', location);
  useChanges(i18n.subscribe);
  useEffect(() => {
    document.title = t('appName');
  }, [i18n.language]);
  return (
    <>
      <a class="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <span class="topbar__brand">{t('appName')}</span>
        <LanguageSwitch language={i18n.language} label={t('language')} onChange={i18n.choose} />
      </header>
      <main id="content">
        {m ? (
          <SharePage key={m.token} token={m.token} />
        ) : (
          <section class="card landing">
            <h1>{t('homeTitle')}</h1>
            <p>{t('homeText')}</p>
          </section>
        )}
      </main>
    </>
  );
}
