import { useState } from 'preact/hooks';
import { ErrorRegion, Link, useFocusHeading } from '@oc/web-ui/components';
import { formatBytes } from '@oc/web-ui/format';
import { useLoad } from '@oc/web-ui/hooks';
import { clients, documents, shares } from './api';
import { locale, t } from './i18n';
import { SendDialog } from './send';
import { ShareCard } from './share-card';
import { describe } from './util';

/** One document: its message, its files, whom it was sent to and what they did with it. */
export function DocumentDetail(props: { id: string }) {
  const heading = useFocusHeading(props.id);
  const doc = useLoad(() => documents.get(props.id), [props.id]);
  const list = useLoad(() => shares.list(props.id), [props.id]);
  // Shares carry the client's id only; the address book gives the name to show.
  const book = useLoad(() => clients.list().catch(() => []), []);
  const nameOf = (clientId?: string | null) => book.data?.find((c) => c.id === clientId)?.name;
  const [sending, setSending] = useState(false);

  if (doc.error) return <ErrorRegion message={describe(doc.error)} />;
  if (!doc.data) return <p role="status">{t('loading')}</p>;
  const d = doc.data;
  const files = d.files ?? [];

  return (
    <section>
      <div class="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {d.title}
        </h1>
        <div class="actions">
          <Link class="button" href={`/documents/${encodeURIComponent(d.id)}/edit`}>
            {t('edit')}
          </Link>
          <button
            type="button"
            class="button button--primary"
            disabled={files.length === 0}
            aria-describedby={files.length === 0 ? 'send-disabled' : undefined}
            onClick={() => setSending(true)}
          >
            {t('detailSend')}
          </button>
        </div>
      </div>
      {files.length === 0 && (
        <p id="send-disabled" class="muted">
          {t('detailSendDisabled')}
        </p>
      )}
      <div class="card">
        <h2>{t('detailMessage')}</h2>
        {d.message ? <p class="message-text">{d.message}</p> : <p class="muted">{t('detailNoMessage')}</p>}
        <h2>{t('detailFiles')}</h2>
        <ul class="list">
          {files.map((f) => (
            <li key={f.id}>
              <a
                href={documents.fileUrl(d.id, f.id)}
                download={f.name}
                aria-label={t('detailDownload', { name: f.name })}
              >
                {f.name}
              </a>
              <span class="muted">{formatBytes(f.size, locale())}</span>
            </li>
          ))}
        </ul>
      </div>
      <div class="card">
        <div class="page-header">
          <h2>{t('detailShares')}</h2>
          <button type="button" class="button" onClick={list.reload}>
            {t('shareRefresh')}
          </button>
        </div>
        <ErrorRegion message={list.error ? describe(list.error) : undefined} />
        {list.data && list.data.length === 0 && <p class="muted">{t('detailSharesEmpty')}</p>}
        {list.data?.map((s) => (
          <ShareCard
            key={s.id}
            share={{ ...s, clientName: nameOf(s.clientId) }}
            files={files}
            onChanged={list.reload}
          />
        ))}
      </div>
      <SendDialog document={d} open={sending} onClose={() => setSending(false)} onSent={list.reload} />
    </section>
  );
}
