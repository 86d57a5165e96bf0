import { useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field, Link, useFocusHeading } from '@oc/web-ui/components';
import { useAction } from '@oc/web-ui/hooks';
import { ApiError } from '@oc/web-ui/problem';
import { email, hasErrors, maxLength, minLength, required, validate, type Errors } from '@oc/web-ui/validation';
import { auth, type Account } from './api';
import { t } from './i18n';
import { describe, serverFieldErrors } from './util';

export const PASSWORD_MIN = 12;

type SignUpFields = 'email' | 'password' | 'organisation';

/** Client-side checks mirror the server's, so most mistakes are caught before a round trip. */
export function validateSignUp(values: Record<SignUpFields, string>): Errors<SignUpFields> {
  return validate(values, {
    email: [required(t('errRequired')), email(t('errEmail'))],
    password: [
      required(t('errRequired')),
      minLength(PASSWORD_MIN, t('errPasswordShort')),
      maxLength(128, t('errTooLong', { max: 128 })),
    ],
    organisation: [required(t('errRequired')), maxLength(200, t('errTooLong', { max: 200 }))],
  });
}

export function SignIn(props: { notice?: string; onSignedIn: (a: Account) => void }) {
  const heading = useFocusHeading('signin');
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<Errors<'email' | 'password'>>({});
  const [secondStep, setSecondStep] = useState(false);
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(values, {
      email: [required(t('errRequired')), email(t('errEmail'))],
      password: [required(t('errRequired'))],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    const answer = await action.run(() => auth.signIn(values));
    if (answer && 'secondFactorRequired' in answer) setSecondStep(true);
    else if (answer) props.onSignedIn(await auth.me());
  };

  if (secondStep) return <SecondFactorStep onSignedIn={props.onSignedIn} onRestart={() => setSecondStep(false)} />;

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('signInTitle')}
      </h1>
      {props.notice && <Alert kind="info">{props.notice}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="email"
          label={t('email')}
          type="email"
          autoComplete="username"
          value={values.email}
          error={errors.email}
          onInput={(v) => setValues({ ...values, email: v })}
        />
        <Field
          id="password"
          label={t('password')}
          type="password"
          autoComplete="current-password"
          value={values.password}
          error={errors.password}
          onInput={(v) => setValues({ ...values, password: v })}
        />
        <button class="button button--primary" type="submit" disabled={action.busy}>
          {action.busy ? t('signInBusy') : t('signInSubmit')}
        </button>
      </form>
      <p>
        <Link href="/forgot-password">{t('signInForgot')}</Link>
      </p>
      <p class="muted">
        {t('signInNoAccount')} <Link href="/signup">{t('signInToSignUp')}</Link>
      </p>
    </section>
  );
}

export function SignUp(props: { onSignedIn: (a: Account) => void }) {
  const heading = useFocusHeading('signup');
  const [values, setValues] = useState<Record<SignUpFields, string>>({ email: '', password: '', organisation: '' });
  const [errors, setErrors] = useState<Errors<SignUpFields>>({});
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateSignUp(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const account = await action.run(() => auth.signUp(values).then(() => auth.me()));
    if (account) props.onSignedIn(account);
  };
  const serverErrors = serverFieldErrors(action.error);
  const field = (name: SignUpFields) => errors[name] ?? serverErrors[name];

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('signUpTitle')}
      </h1>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="organisation"
          label={t('organisation')}
          hint={t('organisationHint')}
          autoComplete="organization"
          value={values.organisation}
          error={field('organisation')}
          onInput={(v) => setValues({ ...values, organisation: v })}
        />
        <Field
          id="email"
          label={t('email')}
          type="email"
          autoComplete="username"
          value={values.email}
          error={field('email')}
          onInput={(v) => setValues({ ...values, email: v })}
        />
        <Field
          id="password"
          label={t('password')}
          hint={t('passwordHint')}
          type="password"
          autoComplete="new-password"
          value={values.password}
          error={field('password')}
          onInput={(v) => setValues({ ...values, password: v })}
        />
        <button class="button button--primary" type="submit" disabled={action.busy}>
          {action.busy ? t('signUpBusy') : t('signUpSubmit')}
        </button>
      </form>
      <p class="muted">
        {t('signUpHaveAccount')} <Link href="/signin">{t('signUpToSignIn')}</Link>
      </p>
    </section>
  );
}

/** The second step of a sign-in: a code from the authenticator app, or one of the recovery codes. */
function SecondFactorStep(props: { onSignedIn: (a: Account) => void; onRestart: () => void }) {
  const heading = useFocusHeading('second-factor');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!code.trim()) {
      setError(t('errRequired'));
      return;
    }
    setError(undefined);
    const account = await action.run(() => auth.secondFactor(code.trim()));
    if (account) props.onSignedIn(await auth.me().catch(() => account));
  };
  const expired = action.error instanceof ApiError && action.error.type === 'second-factor-expired';

  return (
    <section class="card auth-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('secondFactorTitle')}
      </h1>
      <p>{t('secondFactorIntro')}</p>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <form onSubmit={submit} noValidate>
        <Field
          id="code"
          label={t('secondFactorCode')}
          hint={t('secondFactorHint')}
          autoComplete="one-time-code"
          inputMode="text"
          value={code}
          error={error}
          onInput={setCode}
        />
        <button class="button button--primary" type="submit" disabled={action.busy || expired}>
          {action.busy ? t('signInBusy') : t('secondFactorSubmit')}
        </button>
      </form>
      <p>
        <button type="button" class="button button--ghost" onClick={props.onRestart}>
          {t('secondFactorRestart')}
        </button>
      </p>
    </section>
  );
}
