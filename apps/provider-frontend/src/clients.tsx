import { useState } from 'preact/hooks';
import { Alert, Dialog, ErrorRegion, Field, useFocusHeading } from '@oc/web-ui/components';
import { useAction, useLoad } from '@oc/web-ui/hooks';
import { email, hasErrors, maxLength, required, validate, type Errors } from '@oc/web-ui/validation';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@oc/web-ui/i18n';
import { clients, type Client } from './api';
import { i18n, t } from './i18n';
import { describe, serverFieldErrors } from './util';

type ClientFields = 'name' | 'email';

export function validateClient(values: Record<ClientFields, string>): Errors<ClientFields> {
  return validate(values, {
    name: [required(t('errRequired')), maxLength(200, t('errTooLong', { max: 200 }))],
    email: [required(t('errRequired')), email(t('errEmail'))],
  });
}

export function ClientsPage() {
  const heading = useFocusHeading('clients');
  const list = useLoad(() => clients.list(), []);
  const [editing, setEditing] = useState<Client | 'new' | null>(null);
  const [notice, setNotice] = useState<string>();
  const removal = useAction();

  const remove = async (client: Client) => {
    if (!window.confirm(t('clientDeleteConfirm', { name: client.name }))) return;
    setNotice(undefined);
    const done = await removal.run(async () => {
      await clients.remove(client.id);
      return true;
    });
    if (done) {
      setNotice(t('clientDeleted'));
      list.reload();
    }
  };

  return (
    <section>
      <div class="page-header">
        <h1 tabIndex={-1} ref={heading}>
          {t('clientsTitle')}
        </h1>
        <button type="button" class="button button--primary" onClick={() => setEditing('new')}>
          {t('clientAdd')}
        </button>
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorRegion message={list.error ? describe(list.error) : removal.error ? describe(removal.error) : undefined} />
      {list.loading && !list.data && <p role="status">{t('loading')}</p>}
      {list.data && list.data.length === 0 && <p class="card">{t('clientsEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('clientName')}</th>
                <th scope="col">{t('clientEmail')}</th>
                <th scope="col" class="optional">
                  {t('clientLanguage')}
                </th>
                <th scope="col">{t('clientActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.email}</td>
                  <td class="optional" lang={c.language}>
                    {LANGUAGE_NAMES[c.language] ?? c.language}
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      class="button"
                      aria-label={t('clientEditLabel', { name: c.name })}
                      onClick={() => setEditing(c)}
                    >
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      class="button button--danger"
                      aria-label={t('clientDeleteLabel', { name: c.name })}
                      disabled={removal.busy}
                      onClick={() => remove(c)}
                    >
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog
        title={editing === 'new' ? t('clientAddTitle') : t('clientEditTitle')}
        open={editing !== null}
        closeLabel={t('close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <ClientForm
            client={editing === 'new' ? undefined : editing}
            onSaved={() => {
              setEditing(null);
              setNotice(t('clientSaved'));
              list.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

function ClientForm(props: { client?: Client; onSaved: (c: Client) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<ClientFields, string>>({
    name: props.client?.name ?? '',
    email: props.client?.email ?? '',
  });
  // A new client starts in the language the provider works in; it decides the client's e-mails.
  const [language, setLanguage] = useState<Language>(props.client?.language ?? i18n.language);
  const [errors, setErrors] = useState<Errors<ClientFields>>({});
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateClient(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const body = { name: values.name.trim(), email: values.email.trim(), language };
    const saved = await action.run(() => (props.client ? clients.update(props.client.id, body) : clients.create(body)));
    if (saved) props.onSaved(saved);
  };
  const server = serverFieldErrors(action.error);
  return (
    <form onSubmit={submit} noValidate>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <Field
        id="client-name"
        label={t('clientName')}
        autoComplete="off"
        value={values.name}
        error={errors.name ?? server.name}
        onInput={(v) => setValues({ ...values, name: v })}
      />
      <Field
        id="client-email"
        label={t('clientEmail')}
        type="email"
        autoComplete="off"
        value={values.email}
        error={errors.email ?? server.email}
        onInput={(v) => setValues({ ...values, email: v })}
      />
      <div class={`field${server.language ? ' field--error' : ''}`}>
        <label for="client-language">{t('clientLanguage')}</label>
        <p class="field__hint" id="client-language-hint">
          {t('clientLanguageHint')}
        </p>
        <select
          id="client-language"
          value={language}
          aria-describedby="client-language-hint"
          onChange={(e) => setLanguage(e.currentTarget.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        {server.language && <p class="field__error">{server.language}</p>}
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={action.busy}>
          {action.busy ? t('saving') : t('save')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
