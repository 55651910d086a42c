import { create } from 'zustand';

export interface SelectionState {
  nodeIds: string[];
  edgeIds: string[];
}

export const useSelection = create<SelectionState>()(() => ({ nodeIds: [], edgeIds: [] }));

export function setSelection(nodeIds: string[], edgeIds: string[]): void {
  const cur = useSelection.getState();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(cur.nodeIds, nodeIds) && same(cur.edgeIds, edgeIds)) return;
  useSelection.setState({ nodeIds, edgeIds });
}
