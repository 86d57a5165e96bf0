import { useEffect, useState } from 'preact/hooks';
import { Alert, ErrorRegion, Field, useFocusHeading } from '@oc/web-ui/components';
import { useAction } from '@oc/web-ui/hooks';
import { ApiError } from '@oc/web-ui/problem';
import { share, type SharedDocument } from './api';
import { viewOfError, viewOfStatus, wrongCodeAttempts, type View } from './access';
import { DocumentView } from './document-view';
import { describe, i18n, t } from './i18n';
import type { MessageKey } from './messages';

// Remembers, for this tab only, that the link was unlocked, so a reload shows the document again.
const unlockedKey = (token: string) => `unlocked:${token}`;

const STATE_SCREENS: Partial<Record<View['kind'], [MessageKey, MessageKey]>> = {
  unknown: ['unknownTitle', 'unknownText'],
  expired: ['expiredTitle', 'expiredText'],
  revoked: ['revokedTitle', 'revokedText'],
  locked: ['lockedTitle', 'lockedText'],
};

export function SharePage({ token }: { token: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [doc, setDoc] = useState<SharedDocument>();
  const [notice, setNotice] = useState<string>();

  const load = async () => {
    setView({ kind: 'loading' });
    try {
      const status = await share.status(token);
      i18n.suggest(status.language);
      const next = viewOfStatus(status);
      if (next.kind === 'code' && sessionStorage.getItem(unlockedKey(token))) {
        try {
          setDoc(await share.document(token));
          return;
        } catch (e) {
          sessionStorage.removeItem(unlockedKey(token));
          if (e instanceof ApiError && e.status === 401) setNotice(t('docSessionEnded'));
        }
      }
      setView(next);
    } catch (e) {
      setView(viewOfError(e));
    }
  };
  useEffect(() => {
    load();
  }, [token]);

  if (doc) return <DocumentView token={token} document={doc} />;
  if (view.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (view.kind === 'code') {
    return (
      <UnlockForm
        token={token}
        attemptsLeft={view.attemptsLeft}
        notice={notice}
        onView={setView}
        onUnlocked={(d) => {
          sessionStorage.setItem(unlockedKey(token), '1');
          setDoc(d);
        }}
      />
    );
  }
  if (view.kind === 'failed') {
    return (
      <section class="card landing">
        <ErrorRegion message={describe(view.error)} />
        <button type="button" class="button" onClick={load}>
          {t('retry')}
        </button>
      </section>
    );
  }
  const [title, text] = STATE_SCREENS[view.kind]!;
  return <StateScreen title={t(title)} text={t(text)} kind={view.kind} />;
}

function StateScreen(props: { title: string; text: string; kind: string }) {
  const heading = useFocusHeading(props.kind);
  return (
    <section class="card landing" data-state={props.kind}>
      <h1 tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      <p>{props.text}</p>
    </section>
  );
}

function UnlockForm(props: {
  token: string;
  attemptsLeft?: number;
  notice?: string;
  onView: (v: View) => void;
  onUnlocked: (d: SharedDocument) => void;
}) {
  const heading = useFocusHeading('unlock');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [wrong, setWrong] = useState<number>();
  const action = useAction();

  const submit = async (e: Event) => {
    e.preventDefault();
    setFieldError(code.trim() === '' ? t('errCodeRequired') : undefined);
    if (code.trim() === '') return;
    setWrong(undefined);
    try {
      const d = await share.unlock(props.token, code.trim());
      props.onUnlocked(d);
    } catch (err) {
      const left = wrongCodeAttempts(err);
      if (left !== undefined && left > 0) {
        setWrong(left);
        setCode('');
        return;
      }
      const next = viewOfError(left === 0 ? new ApiError(423, {}) : err);
      if (next.kind === 'failed') action.setError(err);
      else props.onView(next);
    }
  };
  const tooMany = action.error instanceof ApiError && action.error.status === 429;
  const error =
    wrong !== undefined
      ? t('unlockWrongCode', { count: wrong })
      : tooMany
        ? t('unlockTooMany')
        : action.error
          ? describe(action.error)
          : undefined;

  return (
    <section class="card landing" data-state="code">
      <h1 tabIndex={-1} ref={heading}>
        {t('unlockTitle')}
      </h1>
      {props.notice && <Alert kind="info">{props.notice}</Alert>}
      <p>{t('unlockIntro')}</p>
      {wrong === undefined && props.attemptsLeft !== undefined && (
        <p class="muted">{t('unlockAttemptsLeft', { count: props.attemptsLeft })}</p>
      )}
      <ErrorRegion message={error} />
      <form onSubmit={(e) => action.run(() => submit(e))} noValidate>
        <Field
          id="code"
          label={t('unlockCode')}
          hint={t('unlockCodeHint')}
          class="code-input mono"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellcheck={false}
          value={code}
          error={fieldError}
          onInput={setCode}
        />
        <button type="submit" class="button button--primary" disabled={action.busy}>
          {action.busy ? t('unlockBusy') : t('unlockSubmit')}
        </button>
      </form>
    </section>
  );
}
