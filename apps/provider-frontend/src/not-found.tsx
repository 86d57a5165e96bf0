import { Link, useFocusHeading } from '@oc/web-ui/components';
import { t } from './i18n';

export function NotFound() {
  const heading = useFocusHeading('not-found');
  return (
    <section class="card">
      <h1 tabIndex={-1} ref={heading}>
        {t('notFoundTitle')}
      </h1>
      <p>{t('notFoundText')}</p>
      <Link href="/documents">{t('backToDocuments')}</Link>
    </section>
  );
}
