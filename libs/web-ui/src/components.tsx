import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n';
import { navigate } from './router';

/** An in-app link: a real `<a href>` (so keyboard, middle-click and "copy link" work) without a reload. */
export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    />
  );
}

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  multiline?: boolean;
} & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'label' | 'type'>;

/** A labelled form field whose error and hint are announced with it (aria-describedby). */
export function Field({ id, label, error, hint, value, onInput, type = 'text', multiline, ...rest }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
  };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={6}
          onInput={(e) => onInput(e.currentTarget.value)}
          {...(rest as JSX.HTMLAttributes<HTMLTextAreaElement>)}
        />
      ) : (
        <input {...common} type={type} onInput={(e) => onInput(e.currentTarget.value)} {...rest} />
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message that screen readers announce as soon as it appears. */
export function Alert({
  kind = 'error',
  children,
}: {
  kind?: 'error' | 'info' | 'success' | 'warning';
  children: ComponentChildren;
}) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Live region that stays in the page, so errors shown later in it are announced. */
export function ErrorRegion({ message }: { message?: string }) {
  return (
    <div class="error-region" aria-live="assertive" role="alert">
      {message && <p class="alert alert--error">{message}</p>}
    </div>
  );
}

/**
 * A modal dialog on the native `<dialog>`: the page behind is inert, Escape closes it, focus
 * returns to the element that opened it.
 */
export function Dialog(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  closeLabel: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // Start at the first field rather than the close button, which comes first in the markup.
      dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    } else if (!props.open) {
      if (dialog.open) dialog.close();
      // Focus goes back only now that the owner knows the dialog is closed: an Enter on the opener
      // before that would ask to open a dialog the owner still thinks open, and nothing would happen.
      (opener.current as HTMLElement | null)?.focus?.();
      opener.current = null;
    }
  }, [props.open]);
  useEffect(() => () => (opener.current as HTMLElement | null)?.focus?.(), []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={titleId} onClose={() => props.onClose()}>
      <div class="dialog__header">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          class="button button--ghost"
          aria-label={props.closeLabel}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </div>
      {props.open && props.children}
    </dialog>
  );
}

/** Read-only text with a copy button; says when the copy worked or that the text must be selected. */
export function CopyField(props: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  failedLabel: string;
  mono?: boolean;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setState('copied');
    } catch {
      setState('failed');
      (document.getElementById(props.id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div class="field copy-field">
      <label for={props.id}>{props.label}</label>
      <div class="copy-field__row">
        <input
          id={props.id}
          class={props.mono ? 'mono' : undefined}
          readOnly
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button" onClick={copy}>
          {props.copyLabel}
        </button>
      </div>
      <p class="copy-field__status" aria-live="polite">
        {state === 'copied' ? props.copiedLabel : state === 'failed' ? props.failedLabel : ''}
      </p>
    </div>
  );
}

/** Moves focus to the page heading after navigation, so keyboard and screen-reader users start there. */
export function useFocusHeading(key: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** The language switch: each language named in itself, the label in the language shown now. */
export function LanguageSwitch(props: { language: Language; label: string; onChange: (language: Language) => void }) {
  return (
    <label class="language-switch">
      <span class="visually-hidden">{props.label}</span>
      <select
        value={props.language}
        data-testid="language"
        onChange={(e) => props.onChange(e.currentTarget.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
