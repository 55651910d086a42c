import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { FLOW_FORMAT_VERSION, flowDocumentSchema, type FlowDocument } from '../../engine/flow/schema';
import { exportFlow, parseFlow, serializeFlow, validateFlow, type ExportResult } from '../../engine/index';
import type { NodeCatalog } from '../../engine/types';
import type { FlowSummary, Problem } from '../contract';
import { HostError } from '../errors';
import { TYPE_LABEL } from '../labels';
import type { BindingsService } from './bindings';
import { paramsDefaults } from './catalog';
import { slugId } from './connections';
import { FLOW_SUFFIX, exists, modifiedAt, readFlowFile, readText, requireFlowPath, revisionOf, revisionOnDisk, writeTextAtomic } from './flow-files';
import { readConnections } from '../stored';
import type { SettingsStore } from '../types';

export interface LibraryEntry {
  path: string;
  flow?: FlowDocument;
  problems: Problem[];
  updatedAt: string;
  /** Of the file as read; absent when it could not be read. */
  revision?: string;
}

/** A flow as read from (or written to) its file, with the file's revision at that moment. */
export interface OpenedFlow {
  path: string;
  flow: FlowDocument;
  revision: string;
}

export interface SaveOptions {
  /** The revision the editor opened; the save is refused when the file on disk has another one. */
  revision?: string;
  /** The person chose to replace whatever is on disk ("Keep mine", or Save As onto an existing file). */
  overwrite?: boolean;
}

export interface ImportInspection {
  flow?: FlowDocument;
  problems: Problem[];
  slots: { name: string; type: FlowDocument['connections'][string]['type']; title?: string }[];
  writesTo: string[];
}

export interface FlowsService {
  readonly dir: string;
  /** Absolute path; relative paths are taken inside the library folder. */
  resolve(file: string): string;
  entries(): Promise<LibraryEntry[]>;
  list(): Promise<FlowSummary[]>;
  open(file: string): Promise<OpenedFlow>;
  create(name: string): Promise<OpenedFlow>;
  /**
   * Writes the flow, unless that would silently replace a newer file: with a revision, the file on disk must still
   * have it (a file deleted meanwhile is written again); without one, there must be no file yet. `overwrite` skips
   * both checks. Refused saves throw HostError `conflict` and leave the file as it is.
   */
  save(file: string | undefined, flow: FlowDocument, opts?: SaveOptions): Promise<{ path: string; revision: string }>;
  delete(file: string): Promise<void>;
  validate(flow: unknown): Problem[];
  export(flow: FlowDocument): { fileName: string; text: string; removed: ExportResult['removed'] };
  inspectImport(text: string): ImportInspection;
  import(text: string, bindings: Record<string, string>): Promise<OpenedFlow>;
}

function summarise(problems: readonly Problem[], limit = 3): string {
  const shown = problems.slice(0, limit).map((p) => `${p.nodeId ? `node '${p.nodeId}': ` : ''}${p.message} ${p.fix}`.trim());
  return shown.join(' ') + (problems.length > limit ? ` (${problems.length - limit} more problems)` : '');
}

export function createFlows(deps: { home: string; catalog: NodeCatalog; bindings: BindingsService; settings: SettingsStore }): FlowsService {
  const { catalog, bindings, settings } = deps;
  const dir = path.join(deps.home, 'flows');
  const resolve = (file: string): string => path.resolve(dir, file);
  const libraryPath = (id: string): string => path.join(dir, `${id}${FLOW_SUFFIX}`);

  const parse = (input: unknown, where: string): FlowDocument => {
    const result = parseFlow(input, catalog);
    if (!result.ok) throw new HostError('invalid-input', `${where} is not a valid Koppel flow: ${summarise(result.problems)}`);
    return result.flow;
  };

  const check = (flow: FlowDocument): Problem[] => validateFlow(flow, catalog, { boundSlots: bindings.boundSlots(flow) });

  async function entries(): Promise<LibraryEntry[]> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(FLOW_SUFFIX)).sort();
    } catch {
      return [];
    }
    return Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, name);
        const updatedAt = await modifiedAt(file);
        let read: { text: string; revision: string };
        try {
          read = await readFlowFile(file);
        } catch (error) {
          return { path: file, problems: [{ severity: 'error' as const, message: error instanceof Error ? error.message : String(error), fix: 'Check the file.' }], updatedAt };
        }
        const { text, revision } = read;
        const result = parseFlow(text, catalog);
        return result.ok ? { path: file, flow: result.flow, problems: check(result.flow), updatedAt, revision } : { path: file, problems: result.problems, updatedAt, revision };
      }),
    );
  }

  async function takenIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const entry of await entries()) if (entry.flow) ids.add(entry.flow.id);
    return ids;
  }

  const freeId = async (wanted: string): Promise<string> => {
    const ids = await takenIds();
    return slugId(wanted, (id) => ids.has(id) || ids.has(id.toLowerCase()), 'flow');
  };

  // Saves of one file run one after the other, so two saves in this process cannot both pass the revision check.
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(file: string, job: () => Promise<T>): Promise<T> => {
    const run = (queues.get(file) ?? Promise.resolve()).then(job);
    const settled = run.catch(() => undefined);
    queues.set(file, settled);
    void settled.then(() => {
      if (queues.get(file) === settled) queues.delete(file);
    });
    return run;
  };

  /** Writes `flow` to `file` unless that would replace a newer file (see `save`); returns the new revision. */
  const writeFlow = (file: string, flow: FlowDocument, opts: SaveOptions = {}): Promise<string> =>
    oneAtATime(file, async () => {
      if (!opts.overwrite) {
        const onDisk = await revisionOnDisk(file);
        if (opts.revision !== undefined && onDisk !== undefined && onDisk !== opts.revision) {
          throw new HostError('conflict', `The flow file ${file} changed on disk since you opened it. Reload it to see that version, or save again choosing to overwrite it with yours.`);
        }
        if (opts.revision === undefined && onDisk !== undefined) {
          throw new HostError('conflict', `There is already a flow file at ${file}. Choose another name, or confirm that it may be overwritten.`);
        }
      }
      const text = serializeFlow(flow);
      await writeTextAtomic(file, text);
      return revisionOf(text);
    });

  function inspectImport(text: string): ImportInspection {
    const result = parseFlow(text, catalog);
    if (!result.ok) return { problems: result.problems, slots: [], writesTo: [] };
    const flow = result.flow;
    const slots = Object.entries(flow.connections).map(([name, slot]) => ({ name, type: slot.type, ...(slot.title ? { title: slot.title } : {}) }));
    const writesTo: string[] = [];
    for (const node of flow.nodes) {
      const def = catalog.get(node.type);
      if (!def?.writes || node.disabled) continue;
      const slot = node.connection === undefined ? undefined : flow.connections[node.connection];
      const target = slot ? `${TYPE_LABEL[slot.type]} (${slot.title ?? node.connection})` : 'no connection';
      writesTo.push(`${node.name ?? def.title} → ${target}`);
    }
    return { flow, problems: validateFlow(flow, catalog), slots, writesTo };
  }

  return {
    dir,
    resolve,
    entries,

    async list() {
      const all = await entries();
      return all.map((entry): FlowSummary => {
        const base = path.basename(entry.path, FLOW_SUFFIX);
        return {
          path: entry.path,
          id: entry.flow?.id ?? base,
          name: entry.flow?.name ?? base,
          description: entry.flow?.description ?? '',
          updatedAt: entry.updatedAt,
          ...(entry.revision !== undefined ? { revision: entry.revision } : {}),
          slots: Object.fromEntries(Object.entries(entry.flow?.connections ?? {}).map(([slot, spec]) => [slot, spec.type])),
          problems: entry.problems.length,
        };
      }).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },

    async open(file) {
      const full = resolve(file);
      const { text, revision } = await readFlowFile(full);
      return { path: full, flow: parse(text, `The file ${full}`), revision };
    },

    async create(name) {
      const id = await freeId(name);
      const trigger = catalog.get('trigger.manual');
      const flow = flowDocumentSchema.parse({
        koppel: FLOW_FORMAT_VERSION,
        id,
        name: name.trim(),
        nodes: trigger ? [{ id: 'start', type: trigger.type, version: trigger.version, params: paramsDefaults(trigger) }] : [],
        layout: trigger ? { nodes: { start: { x: 80, y: 160 } } } : { nodes: {} },
      });
      const file = libraryPath(id);
      return { path: file, flow, revision: await writeFlow(file, flow) };
    },

    async save(file, flow, opts) {
      const full = file === undefined ? libraryPath(flow.id) : resolve(file);
      requireFlowPath(full, 'save');
      return { path: full, revision: await writeFlow(full, flow, opts) };
    },

    async delete(file) {
      const full = resolve(file);
      requireFlowPath(full, 'delete');
      if (!(await exists(full))) throw new HostError('not-found', `There is no flow file at ${full}; it may have been deleted already.`);
      const result = parseFlow(await readText(full), catalog);
      await rm(full);
      // Bindings belong to the flow id; forget them when no other library file carries that id.
      if (result.ok && !(await takenIds()).has(result.flow.id)) {
        for (const slot of Object.keys(bindings.get(result.flow.id))) bindings.set(result.flow.id, slot, null);
      }
    },

    validate(input) {
      const result = parseFlow(input, catalog);
      return result.ok ? check(result.flow) : result.problems;
    },

    export(flow) {
      const result = exportFlow(flow);
      return { fileName: `${flow.id}${FLOW_SUFFIX}`, text: serializeFlow(result.flow), removed: result.removed };
    },

    inspectImport,

    async import(text, wanted) {
      const flow = parse(text, 'The imported file');
      const connections = readConnections(settings);
      for (const [slot, connectionId] of Object.entries(wanted)) {
        const spec = flow.connections[slot];
        if (!spec) throw new HostError('invalid-input', `The imported flow has no connection slot '${slot}'. Slots in this file: ${Object.keys(flow.connections).join(', ') || 'none'}.`);
        const connection = connections.get(connectionId);
        if (!connection) throw new HostError('not-found', `Slot '${slot}': there is no connection '${connectionId}'. Add it under Connections first.`);
        if (connection.type !== spec.type) {
          throw new HostError('invalid-input', `Slot '${slot}' needs a ${TYPE_LABEL[spec.type]} connection, but '${connection.name}' is ${TYPE_LABEL[connection.type]}.`);
        }
      }
      // Never overwrite a flow in the library: a second copy gets its own id (bindings are per id).
      const ids = await takenIds();
      const id = ids.has(flow.id) ? slugId(flow.id, (candidate) => ids.has(candidate), 'flow') : flow.id;
      const imported = { ...flow, id };
      const file = libraryPath(id);
      const revision = await writeFlow(file, imported);
      for (const [slot, connectionId] of Object.entries(wanted)) bindings.set(id, slot, connectionId);
      return { path: file, flow: imported, revision };
    },
  };
}
