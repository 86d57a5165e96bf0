import { useState } from 'preact/hooks';
import { Alert, CopyField, Dialog, ErrorRegion, Field } from '@oc/web-ui/components';
import { addDays, endOfDayIso, toDateInput } from '@oc/web-ui/format';
import { useAction, useLoad } from '@oc/web-ui/hooks';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@oc/web-ui/i18n';
import { email, futureDay, hasErrors, required, validate, type Errors } from '@oc/web-ui/validation';
import { clients, shares, type Document, type SendRequest, type Share } from './api';
import { i18n, t } from './i18n';
import { describe, serverFieldErrors } from './util';

export const DEFAULT_EXPIRY_DAYS = 14;
// The provider backend accepts at most one year.
export const MAX_EXPIRY_DAYS = 365;

type SendValues = { mode: 'client' | 'email'; clientId: string; email: string; expiry: string; language?: Language };

/** Checks the send form and builds the request the API expects, or returns the errors to show. */
export function sendRequest(
  values: SendValues,
  today: Date,
): { request?: SendRequest; errors: Errors<'clientId' | 'email' | 'expiry'> } {
  const expiryRule = futureDay(
    toDateInput(today),
    toDateInput(addDays(today, MAX_EXPIRY_DAYS)),
    t('errExpiry', { days: MAX_EXPIRY_DAYS }),
  );
  const { mode, clientId, email: address, expiry } = values;
  const errors = validate(
    { mode, clientId, email: address, expiry },
    {
      clientId: values.mode === 'client' ? [required(t('errChooseClient'))] : [],
      email: values.mode === 'email' ? [required(t('errRequired')), email(t('errEmail'))] : [],
      expiry: [required(t('errExpiry', { days: MAX_EXPIRY_DAYS })), expiryRule],
    },
  );
  if (hasErrors(errors)) return { errors };
  const expiresAt = endOfDayIso(values.expiry)!;
  const request =
    values.mode === 'client'
      ? { clientId: values.clientId, expiresAt }
      : { email: values.email.trim(), expiresAt, language: values.language };
  return { request, errors };
}

export function SendDialog(props: { document: Document; open: boolean; onClose: () => void; onSent: () => void }) {
  const [sent, setSent] = useState<Share>();
  const close = () => {
    setSent(undefined);
    props.onClose();
  };
  return (
    <Dialog
      title={sent ? t('sentTitle') : t('sendTitle', { title: props.document.title })}
      open={props.open}
      closeLabel={t('close')}
      onClose={close}
    >
      {sent ? (
        <SentResult share={sent} onClose={close} />
      ) : (
        <SendForm
          document={props.document}
          onSent={(s) => {
            setSent(s);
            props.onSent();
          }}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}

function SendForm(props: { document: Document; onSent: (s: Share) => void; onCancel: () => void }) {
  const book = useLoad(() => clients.list(), []);
  const today = new Date();
  const [values, setValues] = useState<SendValues>({
    mode: 'client',
    clientId: '',
    email: '',
    expiry: toDateInput(addDays(today, DEFAULT_EXPIRY_DAYS)),
    language: i18n.language,
  });
  const [errors, setErrors] = useState<Errors<'clientId' | 'email' | 'expiry'>>({});
  const action = useAction();
  const noClients = book.data !== undefined && book.data.length === 0;
  const mode = noClients ? 'email' : values.mode;

  const submit = async (e: Event) => {
    e.preventDefault();
    const { request, errors: found } = sendRequest({ ...values, mode }, new Date());
    setErrors(found);
    if (!request) return;
    const share = await action.run(() => shares.send(props.document.id, request));
    if (share) props.onSent(share);
  };
  const server = serverFieldErrors(action.error);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorRegion message={action.error ? describe(action.error) : book.error ? describe(book.error) : undefined} />
      <fieldset>
        <legend>{t('sendTo')}</legend>
        <label class="radio">
          <input
            type="radio"
            name="mode"
            value="client"
            checked={mode === 'client'}
            disabled={noClients}
            onChange={() => setValues({ ...values, mode: 'client' })}
          />
          {t('sendToClient')}
        </label>
        <label class="radio">
          <input
            type="radio"
            name="mode"
            value="email"
            checked={mode === 'email'}
            onChange={() => setValues({ ...values, mode: 'email' })}
          />
          {t('sendToEmail')}
        </label>
        {noClients && <p class="field__hint">{t('sendNoClients')}</p>}
      </fieldset>
      {mode === 'client' ? (
        <div class={`field${errors.clientId ? ' field--error' : ''}`}>
          <label for="send-client">{t('sendClient')}</label>
          <select
            id="send-client"
            value={values.clientId}
            aria-invalid={errors.clientId ? 'true' : undefined}
            aria-describedby={errors.clientId ? 'send-client-error' : undefined}
            onChange={(e) => setValues({ ...values, clientId: e.currentTarget.value })}
          >
            <option value="">{t('sendChooseClient')}</option>
            {book.data?.map((c) => (
              <option key={c.id} value={c.id}>{`${c.name} <${c.email}>`}</option>
            ))}
          </select>
          {(errors.clientId ?? server.clientId) && (
            <p class="field__error" id="send-client-error">
              {errors.clientId ?? server.clientId}
            </p>
          )}
        </div>
      ) : (
        <>
          <Field
            id="send-email"
            label={t('sendEmail')}
            type="email"
            value={values.email}
            error={errors.email ?? server.email}
            onInput={(v) => setValues({ ...values, email: v })}
          />
          <div class="field">
            <label for="send-language">{t('sendLanguage')}</label>
            <select
              id="send-language"
              value={values.language}
              onChange={(e) => setValues({ ...values, language: e.currentTarget.value as Language })}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <Field
        id="send-expiry"
        label={t('sendExpiry')}
        hint={t('sendExpiryHint', { days: MAX_EXPIRY_DAYS })}
        type="date"
        min={toDateInput(addDays(today, 1))}
        max={toDateInput(addDays(today, MAX_EXPIRY_DAYS))}
        value={values.expiry}
        error={errors.expiry ?? server.expiresAt}
        onInput={(v) => setValues({ ...values, expiry: v })}
      />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={action.busy}>
          {action.busy ? t('sendBusy') : t('sendSubmit')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function SentResult(props: { share: Share; onClose: () => void }) {
  const s = props.share;
  const recipient = s.clientName || s.recipientEmail;
  return (
    <div>
      <p>{s.accessCode ? t('sentIntro', { recipient }) : t('sentIntroPending', { recipient })}</p>
      {s.link && (
        <CopyField
          id="sent-link"
          label={t('sentLink')}
          value={s.link}
          copyLabel={t('copy')}
          copiedLabel={t('copied')}
          failedLabel={t('copyFailed')}
        />
      )}
      {s.accessCode ? (
        <>
          <CopyField
            id="sent-code"
            label={t('sentCode')}
            value={s.accessCode}
            mono
            copyLabel={t('copy')}
            copiedLabel={t('copied')}
            failedLabel={t('copyFailed')}
          />
          <Alert kind="warning">{t('sentCodeOnce')}</Alert>
        </>
      ) : (
        <Alert kind="info">{t('sentPending')}</Alert>
      )}
      <button type="button" class="button button--primary" onClick={props.onClose}>
        {t('close')}
      </button>
    </div>
  );
}
