import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from './errors';
import { startTestHost, type TestHost } from './testing/fixtures';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('createHost: app channels and input validation', () => {
  it('reports app info: mode, home, first start until something exists, language from the OS locale', async () => {
    t = await startTestHost({ locale: 'nl-NL', version: '9.9.9' });
    const info = await t.host.invoke('app.info', {});
    expect(info).toEqual({ version: '9.9.9', mode: 'web', home: t.home, firstStart: true, language: 'nl' });
    await t.host.invoke('flows.create', { name: 'First' });
    expect((await t.host.invoke('app.info', {})).firstStart).toBe(false);
  });

  it('keeps the language the user picks over the OS locale', async () => {
    t = await startTestHost({ locale: 'de-AT' });
    expect((await t.host.invoke('app.info', {})).language).toBe('de');
    await t.host.invoke('settings.setLanguage', { language: 'en' });
    expect((await t.host.invoke('app.info', {})).language).toBe('en');
    expect(t.settings.get('language')).toBe('en');
  });

  it('falls back to English for a locale Koppel does not speak', async () => {
    t = await startTestHost({ locale: 'fr-FR' });
    expect((await t.host.invoke('app.info', {})).language).toBe('en');
  });

  it('rejects input that does not match the channel schema with an invalid-input error naming the field', async () => {
    t = await startTestHost();
    const error = await t.host.invoke('settings.setLanguage', { language: 'fr' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('language') });
    const missing = await t.host.invoke('flows.create', {}).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'invalid-input' });
  });

  it('rejects an unknown channel', async () => {
    t = await startTestHost();
    // As an untyped caller (IPC) would call it; the web bridge checks names too, this is the host's own guard.
    const result: Promise<unknown> = Reflect.apply(t.host.invoke, t.host, ['nope.nothing', {}]);
    await expect(result).rejects.toMatchObject({ kind: 'unknown-channel' });
  });

  it('refuses calls after close', async () => {
    t = await startTestHost();
    await t.host.close();
    await expect(t.host.invoke('app.info', {})).rejects.toThrow('shutting down');
  });
});
