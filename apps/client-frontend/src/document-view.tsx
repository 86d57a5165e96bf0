import { useState } from 'preact/hooks';
import { useFocusHeading } from '@oc/web-ui/components';
import { formatBytes, formatDateTime } from '@oc/web-ui/format';
import { share, type SharedDocument, type SharedFile } from './api';
import { previewKind, typeLabel } from './access';
import { locale, t } from './i18n';

/** The unlocked document: who sent it, the message as plain text, the files to preview and download. */
export function DocumentView(props: { token: string; document: SharedDocument }) {
  const heading = useFocusHeading('document');
  const d = props.document;
  const [previewing, setPreviewing] = useState<SharedFile>();

  return (
    <section data-state="unlocked">
      <div class="doc-header">
        <h1 tabIndex={-1} ref={heading}>
          {d.title}
        </h1>
        <p class="muted">{t('docFrom', { provider: d.providerName })}</p>
        {d.expiresAt && <p class="muted">{t('docAvailableUntil', { date: formatDateTime(d.expiresAt, locale()) })}</p>}
      </div>
      {d.message && (
        <div class="card">
          <h2>{t('docMessage')}</h2>
          {/* Rendered as a text node: whatever the sender typed can never become markup. */}
          <p class="message-text">{d.message}</p>
        </div>
      )}
      <div class="card">
        <h2>{t('docFiles')}</h2>
        {d.files.length === 0 && <p class="muted">{t('docNoFiles')}</p>}
        <ul class="list">
          {d.files.map((f) => {
            const label = typeLabel(f.contentType);
            return (
              <li key={f.id} class="file">
                <div>
                  <div class="file__name">{f.name}</div>
                  <div class="muted">
                    {t(label.key, label.params)} · {formatBytes(f.size, locale())}
                  </div>
                </div>
                <div class="actions">
                  {previewKind(f.contentType) && (
                    <button
                      type="button"
                      class="button"
                      aria-label={t('docPreviewLabel', { name: f.name })}
                      aria-expanded={previewing?.id === f.id}
                      aria-controls="preview"
                      onClick={() => setPreviewing(previewing?.id === f.id ? undefined : f)}
                    >
                      {previewing?.id === f.id ? t('docHidePreview') : t('docPreview')}
                    </button>
                  )}
                  <a
                    class="button button--primary"
                    href={share.fileUrl(props.token, f.id)}
                    download={f.name}
                    aria-label={t('docDownloadLabel', { name: f.name })}
                  >
                    {t('docDownload')}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
        {previewing && <Preview token={props.token} file={previewing} />}
      </div>
    </section>
  );
}

function Preview(props: { token: string; file: SharedFile }) {
  const kind = previewKind(props.file.contentType);
  const src = share.fileUrl(props.token, props.file.id, true);
  const title = t('docPreviewTitle', { name: props.file.name });
  return (
    <section id="preview" class="preview" aria-label={title}>
      <h3>{title}</h3>
      {kind === 'image' ? (
        <img class="preview__image" src={src} alt={props.file.name} />
      ) : (
        <>
          {/* Same origin and the file's own CSP sandbox; the browser's PDF viewer renders it. */}
          <iframe class="preview__frame" src={src} title={title} />
          <p class="muted">{t('docPreviewFallback')}</p>
        </>
      )}
    </section>
  );
}
