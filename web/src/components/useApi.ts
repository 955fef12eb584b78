// Loads one API resource for a component and reloads it when its key (usually the query) changes.
// A newer key aborts the request of the one before (its answer would be dropped anyway), so a
// quick run of filter changes does not queue answers nobody draws.
import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, error: null, loading: false }),
      (e: Error) => !ctl.signal.aborted && setState({ data: null, error: e.message, loading: false }),
    );
    return () => ctl.abort();
  }, [key]);
  return state;
}
