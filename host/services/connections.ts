import { HostError } from '../errors';
import { secretEnvName } from '../secret-env';
import type { Connection } from '../contract';
import type { SlotType } from '../../engine/flow/schema';
import { readConnections, writeConnections, type StoredConnection } from '../stored';
import type { SecretStore, SettingsStore } from '../types';
import type { BindingsService } from './bindings';
import { cleanConnectionSettings, nextReferencePrefix } from './connection-settings';

export interface ConnectionInput {
  id?: string;
  type: SlotType;
  name: string;
  settings: Record<string, string>;
  secret?: string;
}

export interface ConnectionsService {
  list(): Promise<Connection[]>;
  /** The stored connection; throws a not-found error naming the id. */
  get(id: string): StoredConnection;
  save(input: ConnectionInput, opts?: { demo?: boolean }): Promise<Connection>;
  remove(id: string): Promise<void>;
  /** The secret for a connection: `KOPPEL_SECRET_<ID>` from the environment first, then the keychain. */
  secretOf(id: string): Promise<string | null>;
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;


/** A readable id from a name ("Demo Visma.net" → "demo-visma-net"), unique among `taken`. */
export function slugId(name: string, taken: (id: string) => boolean, fallback: string): string {
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  if (!/^[a-z]/.test(base)) base = base ? `${fallback}-${base}` : fallback;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

function sameSettings(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

export function createConnections(deps: {
  settings: SettingsStore;
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  bindings: BindingsService;
}): ConnectionsService {
  const { settings, secrets, env, bindings } = deps;

  const secretOf = async (id: string): Promise<string | null> => {
    const fromEnv = env[secretEnvName(id)];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return secrets.get(id);
  };

  const toPublic = async (c: StoredConnection): Promise<Connection> => ({
    id: c.id,
    type: c.type,
    name: c.name,
    settings: { ...c.settings },
    // Demo connections use the simulators' demo credentials; nothing is asked of the keychain for them.
    // An unreachable keychain (a server without one) lists the connection as having no secret instead of failing.
    hasSecret: c.demo || (await secretOf(c.id).catch(() => null)) !== null,
    demo: c.demo,
  });

  const get = (id: string): StoredConnection => {
    const found = readConnections(settings).get(id);
    if (!found) throw new HostError('not-found', `There is no connection '${id}'. It may have been removed; choose or add another one under Connections.`);
    return found;
  };

  return {
    get,
    secretOf,

    async list() {
      const all = [...readConnections(settings).values()].sort((a, b) => a.name.localeCompare(b.name));
      return Promise.all(all.map(toPublic));
    },

    async save(input, opts = {}) {
      const all = readConnections(settings);
      const name = input.name.trim();
      if (name === '') throw new HostError('invalid-input', 'Give the connection a name, e.g. "Visma.net production".');
      const existing = input.id === undefined ? undefined : all.get(input.id);
      if (input.id !== undefined && !existing && !ID_PATTERN.test(input.id)) {
        throw new HostError('invalid-input', `Connection id '${input.id}' is not allowed: use letters, digits, '-' or '_', starting with a letter.`);
      }
      if (existing && existing.type !== input.type) {
        throw new HostError('invalid-input', `Connection '${existing.name}' is a ${existing.type} connection and cannot become ${input.type}. Add a new connection instead.`);
      }
      const settingsClean = cleanConnectionSettings(input.type, name, input.settings);
      const id = input.id ?? slugId(name, (candidate) => all.has(candidate), input.type);
      // A shop connection gets its reference prefix once (demo connections keep the default, CCV-).
      const demoBefore = opts.demo ?? existing?.demo === true;
      if (input.type === 'ccv-shop' && settingsClean.referencePrefix === undefined && !demoBefore) {
        settingsClean.referencePrefix = existing?.settings.referencePrefix ?? nextReferencePrefix([...all.values()].filter((c) => c.id !== id));
      }
      const stored: StoredConnection = {
        ...(existing ?? {}),
        id,
        type: input.type,
        name,
        settings: settingsClean,
        // Once a person edits a demo connection (other settings or a secret), it is theirs: no longer tied to the simulators.
        demo: opts.demo ?? (existing?.demo === true && input.secret === undefined && sameSettings(existing.settings, settingsClean)),
      };
      // The secret first: a connection must not appear saved when its secret could not be stored.
      if (input.secret !== undefined && input.secret !== '') await secrets.set(id, input.secret);
      all.set(id, stored);
      writeConnections(settings, all);
      return toPublic(stored);
    },

    async remove(id) {
      const all = readConnections(settings);
      if (!all.delete(id)) throw new HostError('not-found', `There is no connection '${id}' to remove.`);
      await secrets.delete(id);
      writeConnections(settings, all);
      bindings.unbindConnection(id);
    },
  };
}
