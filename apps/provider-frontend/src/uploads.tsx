import { useState } from 'preact/hooks';
import { Alert } from '@oc/web-ui/components';
import { formatBytes } from '@oc/web-ui/format';
import { documents, type Document, type FileInfo } from './api';
import { locale, t } from './i18n';
import { describe } from './util';

type Upload = { key: number; name: string; progress: number };

/** The files of a document: upload several at once, each with its own progress bar, or remove one. */
export function Uploads(props: { document: Document; onChange: (files: FileInfo[]) => void }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [messages, setMessages] = useState<{ kind: 'success' | 'error'; text: string }[]>([]);
  const files = props.document.files ?? [];
  let current = files;

  const upload = async (chosen: File[]) => {
    setMessages([]);
    for (const [i, file] of chosen.entries()) {
      const key = Date.now() + i;
      setUploads((u) => [...u, { key, name: file.name, progress: 0 }]);
      try {
        const saved = await documents.upload(props.document.id, file, (progress) =>
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))),
        );
        current = [...current, saved];
        props.onChange(current);
        setMessages((m) => [...m, { kind: 'success', text: t('editorUploaded', { name: file.name }) }]);
      } catch (e) {
        setMessages((m) => [
          ...m,
          { kind: 'error', text: t('editorUploadFailed', { name: file.name, reason: describe(e) }) },
        ]);
      } finally {
        setUploads((u) => u.filter((x) => x.key !== key));
      }
    }
  };

  const remove = async (file: FileInfo) => {
    setMessages([]);
    try {
      await documents.removeFile(props.document.id, file.id);
      current = files.filter((f) => f.id !== file.id);
      props.onChange(current);
    } catch (e) {
      setMessages([{ kind: 'error', text: describe(e) }]);
    }
  };

  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('editorFilesTitle')}</h2>
      {files.length === 0 ? (
        <p class="muted">{t('editorFilesEmpty')}</p>
      ) : (
        <ul class="list">
          {files.map((f) => (
            <li key={f.id}>
              <span>
                {f.name} <span class="muted">({formatBytes(f.size, locale())})</span>
              </span>
              <button type="button" class="button button--danger" onClick={() => remove(f)}>
                {t('editorRemoveFile', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploads.map((u) => (
        <div class="upload" key={u.key}>
          <div class="upload__label" id={`upload-${u.key}`}>
            <span>{t('editorUploading', { name: u.name })}</span>
            <span>{Math.round(u.progress * 100)} %</span>
          </div>
          <progress max={1} value={u.progress} aria-label={t('editorUploadProgress', { name: u.name })} />
        </div>
      ))}
      <div aria-live="polite">
        {messages.map((m, i) => (
          <Alert key={i} kind={m.kind}>
            {m.text}
          </Alert>
        ))}
      </div>
      <div class="field">
        <label for="file-input">{t('editorChooseFile')}</label>
        <p class="field__hint" id="file-input-hint">
          {t('editorChooseHint')}
        </p>
        <input
          id="file-input"
          class="file-input"
          type="file"
          multiple
          aria-describedby="file-input-hint"
          onChange={(e) => {
            const input = e.currentTarget;
            const chosen = Array.from(input.files ?? []);
            input.value = '';
            if (chosen.length) upload(chosen);
          }}
        />
      </div>
    </section>
  );
}
