import { create } from 'zustand';
import { useUi } from '../store/ui.slice';

interface HistoryState {
  /** The run shown in detail, if any. */
  runId: string | null;
  /** The business key search from the header. */
  query: string;
  /** Bumped on every search so the same text searches again. */
  searchSeq: number;
}

export const useHistory = create<HistoryState>()(() => ({ runId: null, query: '', searchSeq: 0 }));

export function openRun(runId: string): void {
  useHistory.setState({ runId });
  useUi.setState({ view: 'history' });
}

export function searchKey(query: string): void {
  useHistory.setState((s) => ({ query: query.trim(), runId: null, searchSeq: s.searchSeq + 1 }));
  useUi.setState({ view: 'history' });
}
