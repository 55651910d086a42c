import { z } from 'zod';
import { slotTypeSchema } from '../engine/flow/schema';
import type { SettingsStore } from './types';

/**
 * The shapes Koppel keeps in the settings file (conf / electron-store). Read through zod because people and other
 * versions of the app edit that file too; unknown fields survive.
 */
export const SETTINGS_KEYS = {
  connections: 'connections',
  bindings: 'bindings',
  language: 'language',
} as const;

export const storedConnectionSchema = z.looseObject({
  id: z.string(),
  type: slotTypeSchema,
  name: z.string(),
  settings: z.record(z.string(), z.string()).default({}),
  demo: z.boolean().default(false),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** flow id → slot name → connection id. */
const bindingsSchema = z.record(z.string(), z.record(z.string(), z.string()));
export type BindingsMap = z.infer<typeof bindingsSchema>;

export function readConnections(settings: SettingsStore): Map<string, StoredConnection> {
  const raw = z.record(z.string(), z.unknown()).safeParse(settings.get(SETTINGS_KEYS.connections));
  const result = new Map<string, StoredConnection>();
  if (!raw.success) return result;
  for (const value of Object.values(raw.data)) {
    // One damaged entry must not hide the others.
    const parsed = storedConnectionSchema.safeParse(value);
    if (parsed.success) result.set(parsed.data.id, parsed.data);
  }
  return result;
}

export function writeConnections(settings: SettingsStore, connections: Map<string, StoredConnection>): void {
  settings.set(SETTINGS_KEYS.connections, Object.fromEntries(connections));
}

export function readBindings(settings: SettingsStore): BindingsMap {
  const parsed = bindingsSchema.safeParse(settings.get(SETTINGS_KEYS.bindings));
  return parsed.success ? parsed.data : {};
}

export function writeBindings(settings: SettingsStore, bindings: BindingsMap): void {
  settings.set(SETTINGS_KEYS.bindings, bindings);
}
