import { z } from 'zod';
import { runEventSchema } from '../../host/contract';
import type { Channel, ChannelInput, ChannelOutput, KoppelApi, RunEvent } from '../../host/contract';
import { isChannel, parseOutput } from './typed-contract';

/** Opens the event socket; returns a handle to close it. Injected so tests can use the `ws` package. */
export type SocketOpener = (url: string, handlers: { onMessage: (data: string) => void; onClose: () => void }) => { close(): void };

export interface WebClientOptions {
  /** Origin of `koppel serve`, e.g. 'http://127.0.0.1:4321'. */
  baseUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  openSocket?: SocketOpener;
  /** Delay before reconnecting the event socket after it drops. */
  reconnectMs?: number;
}

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ message: z.string() }) }),
]);

/** An error the host reported; its message is written for the person using the app. */
export class HostCallError extends Error {
  constructor(
    message: string,
    readonly channel: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

const browserSocket: SocketOpener = (url, { onMessage, onClose }) => {
  const ws = new WebSocket(url);
  ws.addEventListener('message', (ev) => {
    if (typeof ev.data === 'string') onMessage(ev.data);
  });
  ws.addEventListener('close', () => onClose());
  return { close: () => ws.close() };
};

/** `KoppelApi` over the `koppel serve` bridge: `POST /api/<channel>` and run events on `/events`. */
export function createWebClient(opts: WebClientOptions): KoppelApi {
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const openSocket = opts.openSocket ?? browserSocket;
  const listeners = new Set<(e: RunEvent) => void>();
  let socket: { close(): void } | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;

  const eventsUrl = () => {
    const u = new URL('/events', opts.baseUrl);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('token', opts.token);
    return u.toString();
  };

  const connect = () => {
    if (socket || listeners.size === 0) return;
    const current = openSocket(eventsUrl(), {
      onMessage: (data) => {
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          return;
        }
        const parsed = runEventSchema.safeParse(json);
        if (!parsed.success) return;
        for (const l of [...listeners]) l(parsed.data);
      },
      onClose: () => {
        if (socket !== current) return;
        socket = null;
        if (listeners.size > 0 && reconnect === null) {
          reconnect = setTimeout(() => {
            reconnect = null;
            connect();
          }, opts.reconnectMs ?? 1000);
        }
      },
    });
    socket = current;
  };

  return {
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      if (!isChannel(channel)) throw new HostCallError(`Unknown channel "${String(channel)}".`, String(channel));
      let res: Response;
      try {
        res = await fetchFn(new URL(`/api/${channel}`, opts.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-koppel-token': opts.token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new HostCallError('Koppel is not reachable. Check that "koppel serve" is still running, then reload the page.', channel);
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new HostCallError(`Koppel answered "${channel}" with HTTP ${res.status} and no readable body. Reload the page.`, channel, res.status);
      }
      const env = envelopeSchema.safeParse(body);
      if (!env.success) throw new HostCallError(`Koppel answered "${channel}" with HTTP ${res.status} in an unknown format.`, channel, res.status);
      if (!env.data.ok) {
        const hint = res.status === 401 ? ' Open the address that "koppel serve" printed (it carries the access token).' : '';
        throw new HostCallError(env.data.error.message + hint, channel, res.status);
      }
      return parseOutput(channel, env.data.result);
    },
    onRunEvent(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          if (reconnect) clearTimeout(reconnect);
          reconnect = null;
          const s = socket;
          socket = null;
          s?.close();
        }
      };
    },
  };
}
