import { useState } from 'preact/hooks';
import { ErrorRegion, Link, useFocusHeading } from '@oc/web-ui/components';
import { formatDateTime } from '@oc/web-ui/format';
import { useLoad } from '@oc/web-ui/hooks';
import { documents } from './api';
import { locale, t } from './i18n';
import { describe } from './util';

export const PAGE_SIZE = 20;

/** Newest documents first, one keyset page at a time; the trail of cursors makes "previous" work. */
export function DocumentsPage() {
  const heading = useFocusHeading('documents');
  const [trail, setTrail] = useState<(string | null)[]>([null]);
  const cursor = trail[trail.length - 1];
  const page = useLoad(() => documents.page(cursor, PAGE_SIZE), [cursor]);
  const items = page.data?.items ?? [];

  return (
    <section>
      <div class="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {t('documentsTitle')}
        </h1>
        <Link class="button button--primary" href="/documents/new">
          {t('documentNew')}
        </Link>
      </div>
      <ErrorRegion message={page.error ? describe(page.error) : undefined} />
      {page.loading && <p role="status">{t('loading')}</p>}
      {page.data && items.length === 0 && trail.length === 1 && <p class="card">{t('documentsEmpty')}</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('documentTitle')}</th>
                <th scope="col">{t('documentFiles')}</th>
                <th scope="col" class="optional">
                  {t('documentCreated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                  </td>
                  <td>{t('documentFileCount', { count: d.files.length })}</td>
                  <td class="optional">{formatDateTime(d.createdAt, locale())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(trail.length > 1 || page.data?.nextCursor) && (
        <nav class="actions" aria-label={t('pageNav')}>
          <button
            type="button"
            class="button"
            disabled={trail.length === 1}
            onClick={() => setTrail(trail.slice(0, -1))}
          >
            {t('pagePrevious')}
          </button>
          <button
            type="button"
            class="button"
            disabled={!page.data?.nextCursor}
            onClick={() => page.data?.nextCursor && setTrail([...trail, page.data.nextCursor])}
          >
            {t('pageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
