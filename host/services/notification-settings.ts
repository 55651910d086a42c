import type { z } from 'zod';
import { notificationSettingsSchema, type NotificationSettings, type notificationSettingsInputSchema } from '../contract-ops';
import type { SecretStore, SettingsStore } from '../types';
import { secretEnvName } from '../secret-env';

export const NOTIFY_SETTINGS_KEY = 'notifications';
/** Keychain account of the SMTP password (service "Koppel"); `KOPPEL_SECRET_NOTIFY_SMTP` overrides it. */
export const SMTP_ACCOUNT = 'notify-smtp';

type NotificationInput = z.infer<typeof notificationSettingsInputSchema>;

export function readNotificationSettings(settings: SettingsStore): NotificationSettings {
  const parsed = notificationSettingsSchema.safeParse(settings.get(NOTIFY_SETTINGS_KEY) ?? {});
  return parsed.success ? parsed.data : notificationSettingsSchema.parse({});
}

/** Only the fields given change; nested groups (email, webhook, digest) merge field by field. */
export function mergeNotificationSettings(current: NotificationSettings, input: NotificationInput): NotificationSettings {
  const { smtpPassword: _secret, webUrl, email, webhook, digest, ...flags } = input;
  // Parsed input carries only the fields that were sent, so spreading it changes just those.
  const { timezone, ...digestRest } = digest ?? {};
  const next: NotificationSettings = {
    ...current,
    ...flags,
    email: { ...current.email, ...email },
    webhook: { ...current.webhook, ...webhook },
    digest: { ...current.digest, ...digestRest, timezone: timezone === null ? undefined : (timezone ?? current.digest.timezone) },
  };
  if (webUrl === null) delete next.webUrl;
  else if (webUrl !== undefined) next.webUrl = webUrl;
  return notificationSettingsSchema.parse(next);
}

export function createNotificationSettings(deps: { settings: SettingsStore; secrets: SecretStore; env: Readonly<Record<string, string | undefined>> }) {
  const { settings, secrets, env } = deps;
  const smtpPassword = async (): Promise<string | null> => {
    const fromEnv = env[secretEnvName(SMTP_ACCOUNT)];
    if (fromEnv) return fromEnv;
    return secrets.get(SMTP_ACCOUNT);
  };
  // A machine without a keychain (a server) still shows its settings; sending says what is wrong.
  const view = async (s: NotificationSettings) => ({ ...s, hasSmtpPassword: (await smtpPassword().catch(() => null)) !== null });
  return {
    read: () => readNotificationSettings(settings),
    smtpPassword,
    get: async () => view(readNotificationSettings(settings)),
    async set(input: NotificationInput) {
      const next = mergeNotificationSettings(readNotificationSettings(settings), input);
      // The secret first: settings must not say "e-mail on" with a password that was not stored.
      if (input.smtpPassword === null) await secrets.delete(SMTP_ACCOUNT);
      else if (input.smtpPassword !== undefined && input.smtpPassword !== '') await secrets.set(SMTP_ACCOUNT, input.smtpPassword);
      settings.set(NOTIFY_SETTINGS_KEY, next);
      return view(next);
    },
  };
}
