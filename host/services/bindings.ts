import type { FlowDocument } from '../../engine/flow/schema';
import { HostError } from '../errors';
import { readBindings, readConnections, writeBindings, type StoredConnection } from '../stored';
import type { SettingsStore } from '../types';
import { TYPE_LABEL } from '../labels';

/** Which connection fills each slot of a flow on this machine. Kept in settings, never in the flow file. */
export interface BindingsService {
  get(flowId: string): Record<string, string>;
  set(flowId: string, slot: string, connectionId: string | null): void;
  /** Forgets every binding to a connection that is being removed. */
  unbindConnection(connectionId: string): void;
  /** Slots of `flow` bound to an existing connection of the slot's type (what validation calls "filled"). */
  boundSlots(flow: FlowDocument): Set<string>;
  /** slot → connection for a run; throws naming the first slot that is not filled. */
  resolve(flow: FlowDocument): Map<string, StoredConnection>;
}

export function createBindings(settings: SettingsStore): BindingsService {
  const forFlow = (flowId: string): Record<string, string> => ({ ...(readBindings(settings)[flowId] ?? {}) });

  return {
    get: forFlow,

    set(flowId, slot, connectionId) {
      const all = readBindings(settings);
      const current = { ...(all[flowId] ?? {}) };
      if (connectionId === null) {
        delete current[slot];
      } else {
        if (!readConnections(settings).has(connectionId)) {
          throw new HostError('not-found', `There is no connection '${connectionId}'. Pick one from the list under Connections, or add it first.`);
        }
        current[slot] = connectionId;
      }
      if (Object.keys(current).length === 0) delete all[flowId];
      else all[flowId] = current;
      writeBindings(settings, all);
    },

    unbindConnection(connectionId) {
      const all = readBindings(settings);
      for (const [flowId, slots] of Object.entries(all)) {
        for (const [slot, id] of Object.entries(slots)) if (id === connectionId) delete slots[slot];
        if (Object.keys(slots).length === 0) delete all[flowId];
      }
      writeBindings(settings, all);
    },

    boundSlots(flow) {
      const connections = readConnections(settings);
      const bound = forFlow(flow.id);
      const filled = new Set<string>();
      for (const [slot, spec] of Object.entries(flow.connections)) {
        const id = bound[slot];
        const connection = id === undefined ? undefined : connections.get(id);
        if (connection && connection.type === spec.type) filled.add(slot);
      }
      return filled;
    },

    resolve(flow) {
      const connections = readConnections(settings);
      const bound = forFlow(flow.id);
      const result = new Map<string, StoredConnection>();
      for (const [slot, spec] of Object.entries(flow.connections)) {
        const id = bound[slot];
        const label = spec.title ? `'${spec.title}' (${slot})` : `'${slot}'`;
        if (id === undefined) {
          throw new HostError('conflict', `Flow '${flow.name}': the ${TYPE_LABEL[spec.type]} slot ${label} has no connection. Choose one in the flow's connection settings.`);
        }
        const connection = connections.get(id);
        if (!connection) {
          throw new HostError('conflict', `Flow '${flow.name}': the slot ${label} points to connection '${id}', which no longer exists. Choose another connection for it.`);
        }
        if (connection.type !== spec.type) {
          throw new HostError(
            'conflict',
            `Flow '${flow.name}': the slot ${label} needs a ${TYPE_LABEL[spec.type]} connection, but '${connection.name}' is ${TYPE_LABEL[connection.type]}. Choose a ${TYPE_LABEL[spec.type]} connection.`,
          );
        }
        result.set(slot, connection);
      }
      return result;
    },
  };
}
