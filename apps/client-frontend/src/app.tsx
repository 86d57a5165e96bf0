import { useEffect } from 'preact/hooks';
import { matchRoute, useLocation } from '@oc/web-ui/router';
import { t } from './i18n';
import { SharePage } from './share-page';

/** The client app has one real page: the landing page of a link, `/s/{token}`. */
export function App() {
  const location = useLocation();
  const m = matchRoute('/s/:token', location);
  useEffect(() => {
    document.title = t('appName');
  }, []);
  return (
    <>
      <a class="skip-link" href="#content">{t('skipToContent')}</a>
      <header class="topbar"><span class="topbar__brand">{t('appName')}</span></header>
      <main id="content">
        {m ? <SharePage key={m.token} token={m.token} /> : (
          <section class="card landing">
            <h1>{t('homeTitle')}</h1>
            <p>{t('homeText')}</p>
          </section>
        )}
      </main>
    </>
  );
}
