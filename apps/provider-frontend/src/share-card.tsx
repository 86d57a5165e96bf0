import { useState } from 'preact/hooks';
import { Alert, CopyField, Dialog, ErrorRegion, Field } from '@oc/web-ui/components';
import { addDays, endOfDayIso, formatDateTime, toDateInput } from '@oc/web-ui/format';
import { useAction } from '@oc/web-ui/hooks';
import { futureDay, hasErrors, required, validate } from '@oc/web-ui/validation';
import { shares, type AccessCode, type FileInfo, type Share, type ShareEvent, type ShareStatus } from './api';
import { locale, t } from './i18n';
import type { MessageKey } from './messages';
import { MAX_EXPIRY_DAYS } from './send';
import { recipient, timeline } from './shares';
import { describe } from './util';

/** The status is the server's (ShareStatus in the provider backend); here it only gets its label and colour. */
const STATUS_LABEL: Record<ShareStatus, MessageKey> = {
  PENDING_DELIVERY: 'statePending',
  DELIVERY_FAILED: 'stateFailed',
  DELIVERED: 'stateDelivered',
  VIEWED: 'stateViewed',
  DOWNLOADED: 'stateDownloaded',
  LOCKED: 'stateLocked',
  EXPIRED: 'stateExpired',
  REVOKED: 'stateRevoked',
};
const STATUS_BADGE: Record<ShareStatus, string> = {
  PENDING_DELIVERY: '',
  DELIVERY_FAILED: 'badge--bad',
  DELIVERED: 'badge--ok',
  VIEWED: 'badge--ok',
  DOWNLOADED: 'badge--ok',
  LOCKED: 'badge--bad',
  EXPIRED: 'badge--bad',
  REVOKED: 'badge--bad',
};
const EVENT_LABEL: Record<string, MessageKey> = {
  DELIVERED: 'eventDelivered',
  VIEWED: 'eventViewed',
  DOWNLOADED: 'eventDownloaded',
  UNLOCK_FAILED: 'eventUnlockFailed',
  LOCKED: 'eventLocked',
  REVOKED: 'eventRevoked',
};

export function eventText(e: ShareEvent, files: FileInfo[]): string {
  const type = (e.type ?? '').toUpperCase();
  const file = e.fileId ? files.find((f) => f.id === e.fileId) : undefined;
  if (type === 'DOWNLOADED' && file) return t('eventDownloadedFile', { name: file.name });
  return EVENT_LABEL[type] ? t(EVENT_LABEL[type]) : t('eventOther', { type: e.type });
}

/** One share: status, activity with times, and what the provider can still do about it. */
export function ShareCard(props: { share: Share; files: FileInfo[]; onChanged: () => void }) {
  const s = props.share;
  const status = s.status;
  const who = recipient(s);
  const action = useAction();
  const [code, setCode] = useState<{ title: string; value: string }>();
  const [extending, setExtending] = useState(false);
  const [notice, setNotice] = useState<string>();

  const act = async (confirmText: string | null, call: () => Promise<unknown>, done?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setNotice(undefined);
    // Wrapped so that a call answering 204 (no body) still counts as success.
    const result = await action.run(() => call().then((value) => ({ value })));
    if (!result) return undefined;
    if (done) setNotice(done);
    props.onChanged();
    return result.value;
  };
  const regenerate = async () => {
    const r = (await act(t('shareRegenerateConfirm', { recipient: who }), () => shares.regenerateCode(s.id))) as
      AccessCode | undefined;
    if (r?.accessCode) setCode({ title: t('shareNewCodeTitle'), value: r.accessCode });
  };
  const reveal = async () => {
    const r = (await act(null, () => shares.revealCode(s.id))) as AccessCode | undefined;
    if (r?.accessCode) setCode({ title: t('shareCodeTitle'), value: r.accessCode });
  };
  return (
    <article class="share" aria-label={`${who}: ${t(STATUS_LABEL[status])}`}>
      <div class="share__head">
        <h3>{who}</h3>
        <span class={`badge ${STATUS_BADGE[status]}`} data-state={status}>
          {t(STATUS_LABEL[status])}
        </span>
      </div>
      <dl class="share__meta">
        {s.createdAt && (
          <>
            <dt>{t('shareSent')}</dt>
            <dd>{formatDateTime(s.createdAt, locale())}</dd>
          </>
        )}
        {s.expiresAt && (
          <>
            <dt>{t('shareExpires')}</dt>
            <dd>{formatDateTime(s.expiresAt, locale())}</dd>
          </>
        )}
      </dl>
      {status === 'LOCKED' && <Alert kind="warning">{t('shareLockedNote')}</Alert>}
      {status === 'DELIVERY_FAILED' && (
        <Alert kind="warning">
          {t('shareFailedNote', { count: s.deliveryAttempts, reason: s.deliveryFailure ?? '' })}
        </Alert>
      )}
      <h4 class="visually-hidden">{t('shareEvents')}</h4>
      {timeline(s).length === 0 ? (
        <p class="muted">{t('shareNoEvents')}</p>
      ) : (
        <ul class="events">
          {timeline(s).map((e, i) => (
            <li key={i} data-event={e.type}>
              {eventText(e, props.files)} — <time dateTime={e.at}>{formatDateTime(e.at, locale())}</time>
            </li>
          ))}
        </ul>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      {s.active && (
        <div class="actions">
          {status === 'DELIVERY_FAILED' && (
            <button
              type="button"
              class="button button--primary"
              disabled={action.busy}
              onClick={() => act(null, () => shares.retryDelivery(s.id), t('shareRetried'))}
            >
              {t('shareRetryDelivery')}
            </button>
          )}
          {s.codeWaiting && (
            <button type="button" class="button" disabled={action.busy} onClick={reveal}>
              {t('shareRevealCode')}
            </button>
          )}
          <button type="button" class="button" disabled={action.busy} onClick={regenerate}>
            {t('shareRegenerate')}
          </button>
          <button type="button" class="button" disabled={action.busy} onClick={() => setExtending(true)}>
            {t('shareExtend')}
          </button>
          <button
            type="button"
            class="button button--danger"
            disabled={action.busy}
            onClick={() =>
              act(t('shareRevokeConfirm', { recipient: who }), () => shares.revoke(s.id), t('shareRevoked'))
            }
          >
            {t('shareRevoke')}
          </button>
        </div>
      )}
      <Dialog
        title={code?.title ?? ''}
        open={code !== undefined}
        closeLabel={t('close')}
        onClose={() => setCode(undefined)}
      >
        {code && (
          <>
            <CopyField
              id={`code-${s.id}`}
              label={t('sentCode')}
              value={code.value}
              mono
              copyLabel={t('copy')}
              copiedLabel={t('copied')}
              failedLabel={t('copyFailed')}
            />
            <Alert kind="warning">{t('sentCodeOnce')}</Alert>
          </>
        )}
      </Dialog>
      <Dialog
        title={t('shareExtendTitle')}
        open={extending}
        closeLabel={t('close')}
        onClose={() => setExtending(false)}
      >
        <ExtendForm
          share={s}
          onDone={() => {
            setExtending(false);
            setNotice(t('shareExtended'));
            props.onChanged();
          }}
        />
      </Dialog>
    </article>
  );
}

function ExtendForm(props: { share: Share; onDone: () => void }) {
  const today = new Date();
  const initial = props.share.expiresAt
    ? toDateInput(new Date(props.share.expiresAt))
    : toDateInput(addDays(today, 14));
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string>();
  const action = useAction();
  const max = toDateInput(addDays(today, MAX_EXPIRY_DAYS));
  const submit = async (e: Event) => {
    e.preventDefault();
    const message = t('errExpiry', { days: MAX_EXPIRY_DAYS });
    const found = validate(
      { expiry: value },
      { expiry: [required(message), futureDay(toDateInput(today), max, message)] },
    );
    setError(found.expiry);
    if (hasErrors(found)) return;
    const saved = await action.run(() => shares.extend(props.share.id, endOfDayIso(value)!).then(() => true));
    if (saved) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorRegion message={action.error ? describe(action.error) : undefined} />
      <Field
        id={`expiry-${props.share.id}`}
        label={t('sendExpiry')}
        type="date"
        min={toDateInput(addDays(today, 1))}
        max={max}
        value={value}
        error={error}
        onInput={setValue}
      />
      <button type="submit" class="button button--primary" disabled={action.busy}>
        {t('shareExtendSubmit')}
      </button>
    </form>
  );
}
