import { create } from 'zustand';
import type { ChannelOutput, Connection, FlowSummary, NodeTypeInfo } from '../../host/contract';

export type AppInfo = ChannelOutput<'app.info'>;

/** What the host knows: app info, the node catalogue, the flow library, connections, slot bindings. */
export interface WorkspaceState {
  appInfo: AppInfo | null;
  catalog: NodeTypeInfo[];
  catalogIndex: Record<string, NodeTypeInfo>;
  flows: FlowSummary[];
  connections: Connection[];
  /** Slot → connection id for the open flow on this machine. */
  bindings: Record<string, string>;
  loaded: boolean;
}

export const useWorkspace = create<WorkspaceState>()(() => ({
  appInfo: null,
  catalog: [],
  catalogIndex: {},
  flows: [],
  connections: [],
  bindings: {},
  loaded: false,
}));

export function setCatalog(catalog: NodeTypeInfo[]): void {
  const catalogIndex: Record<string, NodeTypeInfo> = {};
  for (const n of catalog) catalogIndex[n.type] = n;
  useWorkspace.setState({ catalog, catalogIndex });
}

/** Ports per node type for the connection rules. */
export function portsOf(type: string): { inputs: string[]; outputs: string[] } | undefined {
  const info = useWorkspace.getState().catalogIndex[type];
  return info ? { inputs: info.inputs.map((p) => p.name), outputs: info.outputs.map((p) => p.name) } : undefined;
}
