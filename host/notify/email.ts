import nodemailer from 'nodemailer';
import type { z } from 'zod';
import type { emailSettingsSchema } from '../contract-ops';
import type { NotifyMessage } from './message';

export type EmailSettings = z.infer<typeof emailSettingsSchema>;

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** What is missing before an e-mail can be sent, in plain words; undefined when complete. */
export function emailProblem(settings: EmailSettings): string | undefined {
  if (!settings.host.trim()) return 'Fill in the SMTP server of your e-mail provider (e.g. smtp.example.nl).';
  if (!ADDRESS.test(settings.from.trim())) return `The sender address '${settings.from}' is not an e-mail address. Fill in the address the messages come from.`;
  if (settings.to.length === 0) return 'Add at least one address to send notifications to.';
  const bad = settings.to.find((a) => !ADDRESS.test(a.trim()));
  if (bad !== undefined) return `'${bad}' is not an e-mail address. Correct it in the list of recipients.`;
  return undefined;
}

/** Sends through the person's own SMTP server. The password is never part of an error message. */
export async function sendEmail(settings: EmailSettings, password: string | null, message: NotifyMessage, opts: { timeoutMs?: number } = {}): Promise<void> {
  const problem = emailProblem(settings);
  if (problem) throw new Error(problem);
  const timeout = opts.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    host: settings.host.trim(),
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  try {
    await transport.sendMail({ from: settings.from.trim(), to: settings.to.map((a) => a.trim()), subject: message.title, text: message.text });
  } catch (error) {
    let reason = error instanceof Error ? error.message : String(error);
    if (password) reason = reason.split(password).join('***');
    throw new Error(`The e-mail could not be sent through ${settings.host}:${settings.port}: ${reason}. Check the server, port, security and sign-in under Notifications.`);
  } finally {
    transport.close();
  }
}
