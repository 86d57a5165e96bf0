import { useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field } from '@oc/web-ui/components';
import { useAction } from '@oc/web-ui/hooks';
import { account as accountApi, type Account, type TwoFactorSetup } from './api';
import { t } from './i18n';
import { describe } from './util';

/** The QR code the server computed (ZXing), drawn as an inline SVG: no data: image, so the CSP stays as it is. */
function QrCode(props: { setup: TwoFactorSetup }) {
  const { qrSize, qrPath } = props.setup;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={t('twoFactorQrLabel')}
      viewBox={`0 0 ${qrSize} ${qrSize}`}
      width={qrSize * 6}
      height={qrSize * 6}
      shape-rendering="crispEdges"
    >
      <rect width={qrSize} height={qrSize} fill="#fff" />
      <path d={qrPath} fill="#000" />
    </svg>
  );
}

/** Ten codes shown once, to keep somewhere safe. */
export function RecoveryCodes(props: { codes: string[] }) {
  return (
    <div>
      <Alert kind="warning">{t('twoFactorRecoveryIntro')}</Alert>
      <ol class="recovery-codes mono" data-testid="recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}

/** The password again, scan, confirm with a code, keep the recovery codes. */
export function TwoFactorEnrolment(props: { onEnabled: (recoveryCodes: string[]) => void }) {
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<TwoFactorSetup>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const action = useAction();

  const start = (e: Event) => {
    e.preventDefault();
    action.run(async () => {
      setSetup(await accountApi.setupTwoFactor(password));
      setPassword('');
    });
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError(t('twoFactorCodeFormat'));
      return;
    }
    setError(undefined);
    const answer = await action.run(() => accountApi.enableTwoFactor(code.replace(/\s/g, '')));
    if (answer) {
      setCodes(answer.recoveryCodes);
      props.onEnabled(answer.recoveryCodes);
    }
  };

  if (codes) {
    return (
      <div>
        <Alert kind="success">{t('twoFactorEnabled')}</Alert>
        <RecoveryCodes codes={codes} />
      </div>
    );
  }
  return (
    <div>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      {!setup ? (
        <form onSubmit={start} noValidate>
          <Field
            id="two-factor-setup-password"
            label={t('password')}
            hint={t('twoFactorPasswordHint')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
          />
          <button type="submit" class="button button--primary" disabled={action.busy || !password}>
            {t('twoFactorSetUp')}
          </button>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate>
          <p>{t('twoFactorScan')}</p>
          <QrCode setup={setup} />
          <p class="muted">
            {t('twoFactorManual')}{' '}
            <code class="mono" data-testid="totp-secret">
              {setup.secret}
            </code>
          </p>
          <Field
            id="totp-code"
            label={t('twoFactorConfirmCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            error={error}
            onInput={setCode}
          />
          <button class="button button--primary" type="submit" disabled={action.busy}>
            {t('twoFactorConfirm')}
          </button>
        </form>
      )}
    </div>
  );
}

/** Two-factor sign-in in the account page: on or off, new recovery codes, and the organisation's setting. */
export function TwoFactorSection(props: { account: Account; onChanged: (a?: Account) => void }) {
  const a = props.account;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[]>();
  const [justEnabled, setJustEnabled] = useState(false);
  const action = useAction();

  const disable = (e: Event) => {
    e.preventDefault();
    action.run(async () => {
      props.onChanged(await accountApi.disableTwoFactor(password, code.trim()));
      setPassword('');
      setCode('');
    });
  };
  const renew = () => action.run(async () => setCodes((await accountApi.newRecoveryCodes(code.trim())).recoveryCodes));
  const requireIt = (value: boolean) =>
    action.run(async () => props.onChanged(await accountApi.update({ requireTwoFactor: value })));

  return (
    <section class="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('twoFactorTitle')}</h2>
      <p>{a.twoFactorEnabled ? t('twoFactorOn') : t('twoFactorOff')}</p>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      {!a.twoFactorEnabled && (
        <TwoFactorEnrolment
          onEnabled={(c) => {
            setCodes(c);
            setJustEnabled(true);
            props.onChanged();
          }}
        />
      )}
      {a.twoFactorEnabled && (
        <form onSubmit={disable} noValidate>
          {justEnabled && <Alert kind="success">{t('twoFactorEnabled')}</Alert>}
          {codes && <RecoveryCodes codes={codes} />}
          <Field
            id="two-factor-password"
            label={t('password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
          />
          <Field
            id="two-factor-code"
            label={t('secondFactorCode')}
            hint={t('secondFactorHint')}
            autoComplete="one-time-code"
            value={code}
            onInput={setCode}
          />
          <div class="actions">
            <button type="button" class="button" onClick={renew} disabled={action.busy || !code.trim()}>
              {t('twoFactorNewCodes')}
            </button>
            <button
              type="submit"
              class="button button--danger"
              disabled={action.busy || !password || !code.trim() || a.requireTwoFactor}
            >
              {t('twoFactorTurnOff')}
            </button>
          </div>
        </form>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={!!a.requireTwoFactor}
          disabled={action.busy}
          onChange={(e) => requireIt(e.currentTarget.checked)}
        />
        {t('twoFactorRequire')}
      </label>
      <p class="field__hint">{t('twoFactorRequireHint')}</p>
    </section>
  );
}
