import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES, languageSchema } from '../contract';
import type { AppMode, ChannelOutput, Language } from '../contract';
import { SETTINGS_KEYS, readConnections } from '../stored';
import type { SettingsStore } from '../types';

export { LANGUAGES };
export type { Language };

/** 'nl-NL' → 'nl'; languages Koppel does not speak fall back to English. */
export function languageFromLocale(locale: string | undefined): Language {
  const code = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === code) ?? 'en';
}

/** The app's version from package.json next to host/ (also inside an asar archive), or '0.0.0'. */
export function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed = z.looseObject({ version: z.string() }).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createAppService(deps: {
  settings: SettingsStore;
  home: string;
  mode: AppMode;
  locale?: string;
  version?: string;
  /** Whether the flow library holds any file; with no connections either, this is a first start. */
  libraryIsEmpty: () => Promise<boolean>;
}) {
  const version = deps.version ?? packageVersion();
  const language = (): Language => {
    const stored = languageSchema.safeParse(deps.settings.get(SETTINGS_KEYS.language));
    return stored.success ? stored.data : languageFromLocale(deps.locale);
  };
  return {
    language,
    async info(): Promise<ChannelOutput<'app.info'>> {
      const firstStart = readConnections(deps.settings).size === 0 && (await deps.libraryIsEmpty());
      return { version, mode: deps.mode, home: deps.home, firstStart, language: language() };
    },
    setLanguage(language: Language): void {
      deps.settings.set(SETTINGS_KEYS.language, language);
    },
  };
}
