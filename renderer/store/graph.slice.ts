import { create } from 'zustand';
import type { FlowDocument, Problem } from '../../host/contract';
import type { FlowMeta, KoppelEdge, KoppelNode } from '../canvas/types';
import type { History } from './history';

/** The open flow: its canvas, its undo history and what validation says about it. Plain data only. */
export interface GraphState {
  meta: FlowMeta | null;
  /** Where the flow is saved; undefined until the first save of an imported/new copy. */
  path: string | undefined;
  /** The file's revision as opened or last saved here; a save hands it back so the host can refuse a newer file. */
  fileRevision: string | undefined;
  nodes: KoppelNode[];
  edges: KoppelEdge[];
  history: History<FlowDocument> | null;
  /** JSON of the document as last opened or saved, to tell whether there are unsaved changes. */
  savedJson: string;
  dirty: boolean;
  problems: Problem[];
  /** Increases with every change of the document; validation and autosave watch it. */
  revision: number;
}

export const initialGraph: GraphState = {
  meta: null,
  path: undefined,
  fileRevision: undefined,
  nodes: [],
  edges: [],
  history: null,
  savedJson: '',
  dirty: false,
  problems: [],
  revision: 0,
};

export const useGraph = create<GraphState>()(() => initialGraph);
