import { useEffect, useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field, Link, useFocusHeading } from '@oc/web-ui/components';
import { useAction, useLoad } from '@oc/web-ui/hooks';
import { navigate } from '@oc/web-ui/router';
import { hasErrors, maxLength, required, validate, type Errors } from '@oc/web-ui/validation';
import { documents, type Document } from './api';
import { t } from './i18n';
import { Uploads } from './uploads';
import { describe, serverFieldErrors } from './util';

type DocumentFields = 'title' | 'message';

export function validateDocument(values: Record<DocumentFields, string>): Errors<DocumentFields> {
  return validate(values, {
    title: [required(t('errRequired')), maxLength(200, t('errTooLong', { max: 200 }))],
    message: [maxLength(10000, t('errTooLong', { max: 10000 }))],
  });
}

/** New document (title and message first, then files) or an existing one with its files. */
export function DocumentEditor(props: { id?: string }) {
  const heading = useFocusHeading(props.id ?? 'new');
  const existing = useLoad(() => (props.id ? documents.get(props.id) : Promise.resolve(undefined)), [props.id]);
  const [values, setValues] = useState<Record<DocumentFields, string>>({ title: '', message: '' });
  const [errors, setErrors] = useState<Errors<DocumentFields>>({});
  const [notice, setNotice] = useState<string>();
  const action = useAction();

  useEffect(() => {
    if (existing.data) setValues({ title: existing.data.title, message: existing.data.message ?? '' });
  }, [existing.data]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined);
    const found = validateDocument(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const body = { title: values.title.trim(), message: values.message };
    const saved = await action.run(() => (props.id ? documents.update(props.id, body) : documents.create(body)));
    if (!saved) return;
    if (props.id) {
      existing.set({ ...saved, files: saved.files ?? existing.data?.files ?? [] });
      setNotice(t('editorSaved'));
    } else {
      navigate(`/documents/${encodeURIComponent(saved.id)}/edit`, { replace: true });
    }
  };

  const removeDocument = async (doc: Document) => {
    if (!window.confirm(t('editorDeleteConfirm', { title: doc.title }))) return;
    const done = await action.run(async () => {
      await documents.remove(doc.id);
      return true;
    });
    if (done) navigate('/documents');
  };

  const server = serverFieldErrors(action.error);
  return (
    <section>
      <div class="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {props.id ? t('editorEditTitle') : t('editorNewTitle')}
        </h1>
        {existing.data && (
          <div class="actions">
            <Link class="button button--primary" href={`/documents/${encodeURIComponent(existing.data.id)}`}>
              {t('editorDone')}
            </Link>
            <button type="button" class="button button--danger" onClick={() => removeDocument(existing.data!)}>
              {t('editorDeleteDocument')}
            </button>
          </div>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorRegion
        message={existing.error ? describe(existing.error) : action.error ? describe(action.error) : undefined}
      />
      {props.id && existing.loading && !existing.data && <p role="status">{t('loading')}</p>}
      {(!props.id || existing.data) && (
        <form class="card" onSubmit={submit} noValidate>
          <Field
            id="title"
            label={t('documentTitle')}
            value={values.title}
            error={errors.title ?? server.title}
            onInput={(v) => setValues({ ...values, title: v })}
          />
          <Field
            id="message"
            label={t('documentMessage')}
            hint={t('documentMessageHint')}
            multiline
            value={values.message}
            error={errors.message ?? server.message}
            onInput={(v) => setValues({ ...values, message: v })}
          />
          <button type="submit" class="button button--primary" disabled={action.busy}>
            {action.busy ? t('saving') : props.id ? t('save') : t('editorCreate')}
          </button>
        </form>
      )}
      {existing.data && (
        <Uploads document={existing.data} onChange={(files) => existing.set({ ...existing.data!, files })} />
      )}
    </section>
  );
}
