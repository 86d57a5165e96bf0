import { useState } from 'preact/hooks';
import { ErrorRegion, useFocusHeading } from '@oc/web-ui/components';
import { formatDateTime } from '@oc/web-ui/format';
import { useLoad } from '@oc/web-ui/hooks';
import { audit } from './api';
import { ACTIVITY_TYPES, NO_FILTER, pageCount, validRange, type ActivityFilter } from './activity';
import { locale, t } from './i18n';
import { describe } from './util';

/** The account's audit log, newest first: filters by kind and days, pages, and the same selection as CSV. */
export function ActivityPage() {
  const heading = useFocusHeading('activity');
  const [draft, setDraft] = useState<ActivityFilter>(NO_FILTER);
  const [filter, setFilter] = useState<ActivityFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const log = useLoad(() => audit.page(filter, page), [filter, page]);
  const items = log.data?.items ?? [];
  const pages = pageCount(log.data?.total ?? 0);
  const rangeOk = validRange(draft);

  const apply = (e: Event) => {
    e.preventDefault();
    if (!rangeOk) return;
    setPage(0);
    setFilter(draft);
  };

  return (
    <section>
      <div class="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {t('activityTitle')}
        </h1>
        <a class="button" href={audit.csvUrl(filter)} download>
          {t('activityDownloadCsv')}
        </a>
      </div>
      <p class="muted">{t('activityIntro')}</p>
      <form class="card" onSubmit={apply} noValidate>
        <div class="field">
          <label for="activity-type">{t('activityType')}</label>
          <select
            id="activity-type"
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.currentTarget.value })}
          >
            <option value="">{t('activityAllTypes')}</option>
            {Object.entries(ACTIVITY_TYPES).map(([type, key]) => (
              <option key={type} value={type}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="activity-from">{t('activityFrom')}</label>
          <input
            id="activity-from"
            type="date"
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </div>
        <div class={`field${rangeOk ? '' : ' field--error'}`}>
          <label for="activity-to">{t('activityTo')}</label>
          <input
            id="activity-to"
            type="date"
            value={draft.to}
            aria-invalid={rangeOk ? undefined : 'true'}
            aria-describedby={rangeOk ? undefined : 'activity-to-error'}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          {!rangeOk && (
            <p class="field__error" id="activity-to-error">
              {t('activityRangeInvalid')}
            </p>
          )}
        </div>
        <button type="submit" class="button button--primary">
          {t('activityFilter')}
        </button>
      </form>
      <ErrorRegion message={log.error ? describe(log.error) : undefined} />
      {log.loading && <p role="status">{t('loading')}</p>}
      {log.data && (
        <p class="muted" role="status">
          {t('activityCount', { total: log.data.total })}
        </p>
      )}
      {log.data && items.length === 0 && <p class="card">{t('activityEmpty')}</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('activityWhen')}</th>
                <th scope="col">{t('activityWhat')}</th>
                <th scope="col">{t('activityDetails')}</th>
                <th scope="col" class="optional">
                  {t('activityAddress')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at, locale())}</td>
                  <td>{ACTIVITY_TYPES[entry.type] ? t(ACTIVITY_TYPES[entry.type]) : entry.type}</td>
                  <td>{entry.details ?? ''}</td>
                  <td class="optional">{entry.ip ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="actions" aria-label={t('pageNav')}>
          <button type="button" class="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('pagePrevious')}
          </button>
          <span class="muted">{t('activityPageOf', { page: page + 1, pages })}</span>
          <button type="button" class="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('pageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
