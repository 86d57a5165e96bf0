import { useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field, useFocusHeading } from '@oc/web-ui/components';
import { useAction } from '@oc/web-ui/hooks';
import { email, hasErrors, maxLength, minLength, required, validate } from '@oc/web-ui/validation';
import { account as accountApi, type Account } from './api';
import { PASSWORD_MIN } from './auth';
import { t } from './i18n';
import { SessionsSection } from './sessions';
import { TwoFactorSection } from './two-factor';
import { describe, serverFieldErrors } from './util';

/** The account page: organisation, e-mail, password, two-factor sign-in, sessions, deleting the account. */
export function AccountPage(props: { account: Account; onChanged: (a?: Account) => void; onSignedOut: () => void }) {
  const heading = useFocusHeading('account');
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {t('accountTitle')}
      </h1>
      <OrganisationSection account={props.account} onChanged={props.onChanged} />
      <EmailSection account={props.account} />
      <PasswordSection />
      <TwoFactorSection account={props.account} onChanged={props.onChanged} />
      <SessionsSection onSignedOut={props.onSignedOut} />
      <DeleteSection account={props.account} onDeleted={props.onSignedOut} />
    </>
  );
}

function OrganisationSection(props: { account: Account; onChanged: (a?: Account) => void }) {
  const [name, setName] = useState(props.account.organisation);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(
      { name },
      { name: [required(t('errRequired')), maxLength(200, t('errTooLong', { max: 200 }))] },
    );
    setError(found.name);
    setSaved(false);
    if (hasErrors(found)) return;
    const updated = await action.run(() => accountApi.update({ organisation: name.trim() }));
    if (updated) {
      setSaved(true);
      props.onChanged(updated);
    }
  };
  return (
    <section class="card" aria-labelledby="organisation-title">
      <h2 id="organisation-title">{t('organisation')}</h2>
      {saved && <Alert kind="success">{t('accountSaved')}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="organisation"
          label={t('organisation')}
          hint={t('organisationHint')}
          autoComplete="organization"
          value={name}
          error={error ?? serverFieldErrors(action.error).organisation}
          onInput={setName}
        />
        <button class="button button--primary" type="submit" disabled={action.busy}>
          {t('save')}
        </button>
      </form>
    </section>
  );
}

function EmailSection(props: { account: Account }) {
  const [values, setValues] = useState({ email: '', password: '' });
  const [error, setError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(values, { email: [required(t('errRequired')), email(t('errEmail'))], password: [] });
    setError(found.email);
    if (hasErrors(found)) return;
    await action.run(async () => {
      await accountApi.changeEmail(values.email.trim(), values.password);
      setSentTo(values.email.trim());
      setValues({ email: '', password: '' });
    });
  };
  return (
    <section class="card" aria-labelledby="email-title">
      <h2 id="email-title">{t('email')}</h2>
      <p>
        {t('accountEmailNow', { email: props.account.email })}{' '}
        {props.account.emailVerified ? t('accountEmailVerified') : t('accountEmailUnverified')}
      </p>
      {sentTo && <Alert kind="success">{t('accountEmailSent', { email: sentTo })}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="new-email"
          label={t('accountNewEmail')}
          type="email"
          autoComplete="email"
          value={values.email}
          error={error}
          onInput={(v) => setValues({ ...values, email: v })}
        />
        <Field
          id="email-password"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onInput={(v) => setValues({ ...values, password: v })}
        />
        <button class="button button--primary" type="submit" disabled={action.busy || !values.password}>
          {t('accountChangeEmail')}
        </button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const [values, setValues] = useState({ current: '', next: '' });
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(values, {
      current: [],
      next: [
        required(t('errRequired')),
        minLength(PASSWORD_MIN, t('errPasswordShort')),
        maxLength(128, t('errTooLong', { max: 128 })),
      ],
    });
    setError(found.next);
    setDone(false);
    if (hasErrors(found)) return;
    await action.run(async () => {
      await accountApi.changePassword(values.current, values.next);
      setDone(true);
      setValues({ current: '', next: '' });
    });
  };
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('accountPasswordTitle')}</h2>
      {done && <Alert kind="success">{t('accountPasswordChanged')}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="current-password"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          value={values.current}
          onInput={(v) => setValues({ ...values, current: v })}
        />
        <Field
          id="changed-password"
          label={t('newPassword')}
          hint={t('passwordHint')}
          type="password"
          autoComplete="new-password"
          value={values.next}
          error={error ?? serverFieldErrors(action.error).newPassword}
          onInput={(v) => setValues({ ...values, next: v })}
        />
        <button class="button button--primary" type="submit" disabled={action.busy || !values.current}>
          {t('accountChangePassword')}
        </button>
      </form>
    </section>
  );
}

function DeleteSection(props: { account: Account; onDeleted: () => void }) {
  const [values, setValues] = useState({ password: '', code: '' });
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!window.confirm(t('accountDeleteConfirm'))) return;
    await action.run(async () => {
      await accountApi.remove(values.password, props.account.twoFactorEnabled ? values.code.trim() : undefined);
      props.onDeleted();
    });
  };
  return (
    <section class="card" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('accountDeleteTitle')}</h2>
      <p>{t('accountDeleteIntro')}</p>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="delete-password"
          label={t('password')}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onInput={(v) => setValues({ ...values, password: v })}
        />
        {props.account.twoFactorEnabled && (
          <Field
            id="delete-code"
            label={t('secondFactorCode')}
            hint={t('secondFactorHint')}
            autoComplete="one-time-code"
            value={values.code}
            onInput={(v) => setValues({ ...values, code: v })}
          />
        )}
        <button class="button button--danger" type="submit" disabled={action.busy || !values.password}>
          {t('accountDelete')}
        </button>
      </form>
    </section>
  );
}
