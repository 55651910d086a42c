import { getKoppel } from '../api/koppel-api';
import { useGraph } from '../store/graph.slice';
import { setCatalog, useWorkspace } from '../store/workspace.slice';

/** Refreshes the flow library list. */
export async function refreshFlows(): Promise<void> {
  useWorkspace.setState({ flows: await getKoppel().invoke('flows.list', {}) });
}

export async function refreshConnections(): Promise<void> {
  useWorkspace.setState({ connections: await getKoppel().invoke('connections.list', {}) });
}

/** Slot bindings of the open flow on this machine. */
export async function refreshBindings(): Promise<void> {
  const flowId = useGraph.getState().meta?.id;
  if (!flowId) {
    useWorkspace.setState({ bindings: {} });
    return;
  }
  const bindings = await getKoppel().invoke('bindings.get', { flowId });
  if (useGraph.getState().meta?.id === flowId) useWorkspace.setState({ bindings });
}

/** First load: app info, catalogue, library and connections. */
export async function loadWorkspace(): Promise<void> {
  const api = getKoppel();
  const [appInfo, catalog] = await Promise.all([api.invoke('app.info', {}), api.invoke('catalog.list', {})]);
  setCatalog(catalog);
  useWorkspace.setState({ appInfo });
  await Promise.all([refreshFlows(), refreshConnections()]);
  useWorkspace.setState({ loaded: true });
}
