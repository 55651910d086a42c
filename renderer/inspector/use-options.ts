import { useEffect, useState } from 'react';
import { optionKindSchema } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { messageOf } from '../app/errors';

type Option = { value: string; label: string };
type State = { status: 'idle' | 'loading' | 'ready' | 'error'; options: Option[]; error?: string };

/** Option lists are loaded live from the connection and kept for the session (they rarely change). */
const cache = new Map<string, Promise<Option[]>>();

export function clearOptionCache(): void {
  cache.clear();
}

/** Options of `kind` from the connection bound to the node's slot (`options.list`). */
export function useOptions(kind: string | undefined, connectionId: string | undefined, reload = 0): State {
  const [state, setState] = useState<State>({ status: 'idle', options: [] });
  useEffect(() => {
    const parsedKind = optionKindSchema.safeParse(kind);
    if (!parsedKind.success || !connectionId) {
      setState({ status: 'idle', options: [] });
      return;
    }
    const key = `${connectionId}:${parsedKind.data}`;
    if (reload > 0) cache.delete(key);
    let promise = cache.get(key);
    if (!promise) {
      promise = getKoppel().invoke('options.list', { connectionId, kind: parsedKind.data });
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    let alive = true;
    setState({ status: 'loading', options: [] });
    promise.then(
      (options) => alive && setState({ status: 'ready', options }),
      (e: unknown) => alive && setState({ status: 'error', options: [], error: messageOf(e) }),
    );
    return () => {
      alive = false;
    };
  }, [kind, connectionId, reload]);
  return state;
}
