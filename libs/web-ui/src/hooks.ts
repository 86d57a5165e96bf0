import { useCallback, useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { data?: T; error?: unknown; loading: boolean; reload: () => void; set: (data: T) => void };

/** Loads data when the dependencies change; `reload` fetches again, `set` replaces it after a save. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}

/** Runs one action at a time and keeps its error for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/** Renders again whenever the source reports a change (e.g. the language switched). */
export function useChanges(subscribe: (listener: () => void) => () => void): void {
  const [, setRound] = useState(0);
  useEffect(() => subscribe(() => setRound((r) => r + 1)), [subscribe]);
}
