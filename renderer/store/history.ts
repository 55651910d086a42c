/** Undo/redo as a pure reducer over immutable snapshots. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key of the last commit: consecutive commits with the same key (typing in one field) form one undo step. */
  lastKey?: string;
  limit: number;
}

export type HistoryAction<T> =
  | { type: 'commit'; next: T; key?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; present: T }
  /** Ends coalescing, so the next commit with the same key starts a new undo step. */
  | { type: 'seal' };

export function createHistory<T>(present: T, limit = 200): History<T> {
  return { past: [], present, future: [], limit };
}

export function historyReducer<T>(state: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case 'commit': {
      if (action.key !== undefined && action.key === state.lastKey) {
        return { ...state, present: action.next, future: [] };
      }
      const past = [...state.past, state.present];
      if (past.length > state.limit) past.splice(0, past.length - state.limit);
      return { past, present: action.next, future: [], lastKey: action.key, limit: state.limit };
    }
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (prev === undefined) return state;
      return { past: state.past.slice(0, -1), present: prev, future: [state.present, ...state.future], limit: state.limit };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future: rest, limit: state.limit };
    }
    case 'reset':
      return createHistory(action.present, state.limit);
    case 'seal':
      return { past: state.past, present: state.present, future: state.future, limit: state.limit };
  }
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;
