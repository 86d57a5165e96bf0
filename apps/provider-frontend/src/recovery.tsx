import { useEffect, useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field, Link, useFocusHeading } from '@oc/web-ui/components';
import { useAction } from '@oc/web-ui/hooks';
import { email, hasErrors, maxLength, minLength, required, validate } from '@oc/web-ui/validation';
import { auth } from './api';
import { PASSWORD_MIN } from './auth';
import { t } from './i18n';
import { describe, serverFieldErrors } from './util';

/** The token of a mailed link: in the fragment, so it never reaches a server log or a Referer header. */
export function linkToken(): string {
  return typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.replace(/^#/, ''));
}

/** "Forgot your password?": the same answer whether or not the address has an account. */
export function ForgotPassword() {
  const heading = useFocusHeading('forgot');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate({ email: address }, { email: [required(t('errRequired')), email(t('errEmail'))] });
    setError(found.email);
    if (hasErrors(found)) return;
    await action.run(async () => {
      await auth.forgotPassword(address.trim());
      setSent(true);
    });
  };

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('forgotTitle')}
      </h1>
      {sent ? (
        <Alert kind="success">{t('forgotSent')}</Alert>
      ) : (
        <>
          <p>{t('forgotIntro')}</p>
          <ErrorRegion message={action.error ? describe(action.error) : undefined} />
          <form onSubmit={submit} noValidate>
            <Field
              id="email"
              label={t('email')}
              type="email"
              autoComplete="username"
              value={address}
              error={error}
              onInput={setAddress}
            />
            <button class="button button--primary" type="submit" disabled={action.busy}>
              {t('forgotSubmit')}
            </button>
          </form>
        </>
      )}
      <p class="muted">
        <Link href="/signin">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}

/** The page the reset link opens: a new password, then every session of the account ends. */
export function ResetPassword() {
  const heading = useFocusHeading('reset');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const action = useAction();
  const token = linkToken();

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(
      { password },
      {
        password: [
          required(t('errRequired')),
          minLength(PASSWORD_MIN, t('errPasswordShort')),
          maxLength(128, t('errTooLong', { max: 128 })),
        ],
      },
    );
    setError(found.password);
    if (hasErrors(found)) return;
    await action.run(async () => {
      await auth.resetPassword(token, password);
      setDone(true);
    });
  };

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('resetTitle')}
      </h1>
      {done ? (
        <Alert kind="success">{t('resetDone')}</Alert>
      ) : (
        <>
          <ErrorRegion message={action.error ? describe(action.error) : undefined} />
          <form onSubmit={submit} noValidate>
            <Field
              id="new-password"
              label={t('newPassword')}
              hint={t('passwordHint')}
              type="password"
              autoComplete="new-password"
              value={password}
              error={error ?? serverFieldErrors(action.error).password}
              onInput={setPassword}
            />
            <button class="button button--primary" type="submit" disabled={action.busy || !token}>
              {t('resetSubmit')}
            </button>
          </form>
        </>
      )}
      <p class="muted">
        <Link href="/signin">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}

/** The page the verification link opens, signed in or not. */
export function VerifyEmail(props: { onVerified: () => void }) {
  const heading = useFocusHeading('verify');
  const action = useAction();
  const [verified, setVerified] = useState<string>();

  useEffect(() => {
    const token = linkToken();
    action
      .run(() => auth.verifyEmail(token))
      .then((answer) => {
        if (answer) {
          setVerified(answer.email);
          props.onVerified();
        }
      });
  }, []);

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('verifyTitle')}
      </h1>
      {action.busy && <p role="status">{t('loading')}</p>}
      {verified && <Alert kind="success">{t('verifyDone', { email: verified })}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <p>
        <Link href="/documents">{t('backToDocuments')}</Link>
      </p>
    </section>
  );
}
