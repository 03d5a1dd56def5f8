import { useEffect, useRef, useState } from 'preact/hooks';

/** Fetches the latest value of an async source, dropping answers to superseded requests. */
export function useLatest<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): { value: T | undefined; error: string | undefined } {
  const [state, setState] = useState<{ value: T | undefined; error: string | undefined }>({ value: undefined, error: undefined });
  const token = useRef(0);
  useEffect(() => {
    const mine = ++token.current;
    if (!load) {
      setState({ value: undefined, error: undefined });
      return;
    }
    load().then(
      (value) => mine === token.current && setState({ value, error: undefined }),
      (e: Error) => mine === token.current && setState((s) => ({ value: s.value, error: e.message })),
    );
  }, deps);
  return state;
}
