import { useEffect, useRef, useState } from 'react';
import { reportError } from '../app/errors';

/** Loads something from the host when `key` changes; `reload` fetches again (after replay, park, ...). */
export function useLoad<T>(load: () => Promise<T>, errorTitle: string, key: string): { data: T | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [seq, setSeq] = useState(0);
  // The latest closure is used; `key` says when its inputs changed.
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef
      .current()
      .then(
        (d) => {
          if (live) setData(d);
        },
        (e: unknown) => {
          if (live) reportError(errorTitle, e);
        },
      )
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [key, seq, errorTitle]);
  return { data, loading, reload: () => setSeq((s) => s + 1) };
}
