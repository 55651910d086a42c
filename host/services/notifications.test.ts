import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopNotification, OpsLogEntry } from '../types';
import { productsFlow, startOpsHost, type OpsHost } from './ops.fixture';

interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}
const mails: Mail[] = [];
const hooks: Record<string, unknown>[] = [];
let hookStatus = 204;
let smtp: SMTPServer;
let smtpPort = 0;
let web: Server;
let webPort = 0;

/** Undoes quoted-printable soft line breaks and escapes, enough to read the text back. */
const unfold = (raw: string): string => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'koppel' && auth.password === 'smtp-pw-123') callback(null, { user: 'koppel' });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const text = unfold(raw);
        const [head = '', ...body] = text.split(/\r?\n\r?\n/);
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '',
          text: body.join('\n\n'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpAddress = smtp.server.address();
  smtpPort = smtpAddress && typeof smtpAddress === 'object' ? smtpAddress.port : 0;

  web = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) hooks.push(Object.fromEntries(Object.entries(parsed)));
      res.writeHead(hookStatus).end();
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const webAddress = web.address();
  webPort = webAddress && typeof webAddress === 'object' ? webAddress.port : 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => web.close(() => resolve()));
});

let t: OpsHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  mails.length = 0;
  hooks.length = 0;
  hookStatus = 204;
});

async function notifyingHost(start?: string) {
  const desktop: DesktopNotification[] = [];
  const log: OpsLogEntry[] = [];
  t = await startOpsHost({ notify: (n) => desktop.push(n), ...(start ? { start } : {}) });
  t.host.onOpsLog((e) => log.push(e));
  await t.host.invoke('notifications.set', {
    email: { enabled: true, host: '127.0.0.1', port: smtpPort, security: 'none', user: 'koppel', from: 'koppel@example.nl', to: ['boekhouding@example.nl'] },
    webhook: { enabled: true, url: `http://127.0.0.1:${webPort}/hooks/secret-token-abc` },
    webUrl: 'https://koppel.example.nl/app/',
    smtpPassword: 'smtp-pw-123',
  });
  return { t, desktop, log };
}

/** Runs the products flow with a mapping that makes every record fail ([]), or none (['price','amount']). */
async function run(h: OpsHost, fields: string[]): Promise<string> {
  const { runId } = await h.host.invoke('runs.start', { flow: productsFlow({ fields }) });
  await h.finished(runId);
  await h.host.settled();
  return runId;
}

describe('notifications', () => {
  it('keeps the SMTP password in the keychain, never in the settings file', async () => {
    const { t } = await notifyingHost();
    expect(JSON.stringify(t.settings.get('notifications'))).not.toContain('smtp-pw-123');
    expect(await t.secrets.get('notify-smtp')).toBe('smtp-pw-123');
    const view = await t.host.invoke('notifications.get', {});
    expect(view).toMatchObject({ hasSmtpPassword: true, email: { enabled: true, port: smtpPort, to: ['boekhouding@example.nl'] }, repeatFailures: false });
    expect(JSON.stringify(view)).not.toContain('smtp-pw-123');
    // Changing one field keeps the others.
    expect((await t.host.invoke('notifications.set', { email: { port: 2525 } })).email).toMatchObject({ port: 2525, host: '127.0.0.1', user: 'koppel' });
  });

  it('announces a failed run by e-mail, webhook and desktop, says what to do and links to the run; once per streak', async () => {
    const { t, desktop } = await notifyingHost();
    const failed = await run(t, []);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail).toMatchObject({ from: 'koppel@example.nl', to: ['boekhouding@example.nl'], subject: "Koppel: 'Products to shop' failed" });
    expect(mail?.text).toContain('Why: 3 records failed.');
    expect(mail?.text).toContain("K2 (step 'upsert'): price missing: map a price for this product");
    expect(mail?.text).toContain("What to do: Open the run to see why each record failed.");
    expect(mail?.text).toContain(`koppel://runs/${failed}`);
    expect(mail?.text).toContain(`https://koppel.example.nl/app/runs/${failed}`);
    expect(hooks).toEqual([
      expect.objectContaining({ source: 'koppel', kind: 'failure', runId: failed, flowId: 'products', status: 'failed', links: { app: `koppel://runs/${failed}`, web: `https://koppel.example.nl/app/runs/${failed}` } }),
    ]);
    expect(hooks[0]?.failures).toHaveLength(3);
    expect(desktop).toEqual([expect.objectContaining({ kind: 'failure', title: "Koppel: 'Products to shop' failed", url: `koppel://runs/${failed}`, runId: failed })]);

    // The same flow failing again is not announced again (repeatFailures is off).
    await run(t, []);
    expect(mails).toHaveLength(1);
    expect(hooks).toHaveLength(1);
  });

  it('announces recovery on the first success after failures', async () => {
    const { t, desktop } = await notifyingHost();
    await run(t, []);
    await run(t, []);
    const ok = await run(t, ['price', 'amount']);
    expect(mails.map((m) => m.subject)).toEqual(["Koppel: 'Products to shop' failed", "Koppel: 'Products to shop' works again"]);
    expect(mails[1]?.text).toContain('succeeded after 2 failed runs');
    expect(hooks.at(-1)).toMatchObject({ kind: 'recovery', runId: ok });
    expect(desktop.map((d) => d.kind)).toEqual(['failure', 'recovery']);
    // A second success is nothing to tell.
    await run(t, ['price', 'amount']);
    expect(mails).toHaveLength(2);
  });

  it('does not count records a person parked as a failure', async () => {
    const { t } = await notifyingHost();
    await t.host.invoke('records.park', { flowId: 'products', key: 'K2' });
    await run(t, ['price']); // K2 fails, but it is parked
    expect(mails).toEqual([]);
    await t.host.invoke('records.unpark', { flowId: 'products', key: 'K2' });
    await run(t, ['price']);
    expect(mails.map((m) => m.subject)).toEqual(["Koppel: 'Products to shop': 1 record failed"]);
  });

  it('keeps sending by e-mail when the webhook fails, and logs the failure without the token in the address', async () => {
    const { t, log } = await notifyingHost();
    hookStatus = 500;
    await run(t, []);
    expect(mails).toHaveLength(1);
    const failure = log.find((e) => e.kind === 'notification');
    expect(failure?.message).toContain(`The webhook at http://127.0.0.1:${webPort} answered HTTP 500`);
    expect(failure?.message).not.toContain('secret-token-abc');
  });

  it('sends a daily digest at the time set', async () => {
    const { t } = await notifyingHost('2026-03-02T07:59:00.000Z');
    await t.host.invoke('notifications.set', { digest: { enabled: true, at: '08:00', timezone: 'UTC' } });
    await run(t, []);
    await run(t, ['price', 'amount']);
    mails.length = 0;
    hooks.length = 0;
    await t.host.startScheduler();
    await t.host.settled();
    expect(mails).toEqual([]);
    await t.clock.advance(60_000);
    await t.host.settled();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Koppel daily summary: 2 runs, 1 with problems, 0 records need attention');
    expect(mails[0]?.text).toContain('Products to shop: 2 runs (1 succeeded, 0 partial, 1 failed); 3 created, 0 updated, 3 failed records');
    expect(hooks).toEqual([expect.objectContaining({ kind: 'digest' })]);
    // Not again until the next day.
    await t.clock.advance(23 * 60 * 60_000);
    await t.host.settled();
    expect(mails).toHaveLength(1);
    await t.clock.advance(60 * 60_000);
    await t.host.settled();
    expect(mails).toHaveLength(2);
  });

  it('announces a schedule that cannot start its flow once, not at every time', async () => {
    const { t } = await notifyingHost();
    await t.host.invoke('flows.save', { flow: productsFlow({ id: 'gone' }) });
    await t.host.invoke('schedules.set', { flowId: 'gone', everyMinutes: 1, pauseAfterFailures: 0 });
    await t.host.invoke('flows.delete', { path: `${t.home}/flows/gone.flow.json` });
    await t.host.startScheduler();
    for (let i = 0; i < 3; i++) {
      await t.clock.advance(60_000);
      await t.host.settled();
    }
    expect(mails.map((m) => m.subject)).toEqual(["Koppel: 'gone' could not start"]);
    expect(mails[0]?.text).toContain('is not in the flow library any more');
    expect(mails[0]?.text).toContain('What to do: Open the flow in Koppel and fix what the message names');
  });

  it('sends a test message through each channel and says per channel what happened', async () => {
    const { t, desktop } = await notifyingHost();
    const results = await t.host.invoke('notifications.test', {});
    expect(results).toEqual([
      { channel: 'desktop', ok: true, message: 'Shown on the desktop.' },
      { channel: 'email', ok: true, message: 'Sent to boekhouding@example.nl.' },
      { channel: 'webhook', ok: true, message: 'Posted to the webhook.' },
    ]);
    expect(mails[0]?.subject).toBe('Koppel: test message');
    expect(desktop).toHaveLength(1);
    await t.host.invoke('notifications.set', { smtpPassword: 'wrong-password-xyz' });
    const [email] = await t.host.invoke('notifications.test', { channels: ['email'] });
    expect(email).toMatchObject({ channel: 'email', ok: false, message: expect.stringContaining(`The e-mail could not be sent through 127.0.0.1:${smtpPort}`) });
    expect(email?.message).not.toContain('wrong-password-xyz');
    await t.host.invoke('notifications.set', { email: { to: ['not an address'] } });
    expect((await t.host.invoke('notifications.test', { channels: ['email'] }))[0]?.message).toBe("'not an address' is not an e-mail address. Correct it in the list of recipients.");
  });
});
