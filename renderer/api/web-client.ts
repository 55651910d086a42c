import { isPushChannel, isWebPush, parsePush, pushFrameSchema } from '../../host/contract';
import type { Channel, ChannelInput, ChannelOutput, KoppelApi, PushChannel, PushPayload } from '../../host/contract';
import { HostCallError, resultOf } from './host-call';
import { isChannel } from './typed-contract';

export { HostCallError };

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

const browserSocket: SocketOpener = (url, { onMessage, onClose }) => {
  const ws = new WebSocket(url);
  ws.addEventListener('message', (ev) => {
    if (typeof ev.data === 'string') onMessage(ev.data);
  });
  ws.addEventListener('close', () => onClose());
  return { close: () => ws.close() };
};

/** A listener of one push channel, taking the raw payload (it parses with the channel's schema itself). */
type FrameListener = { channel: PushChannel; deliver: (payload: unknown) => void };

/** `KoppelApi` over the `koppel serve` bridge: `POST /api/<channel>`, and push channels as frames on `/events`. */
export function createWebClient(opts: WebClientOptions): KoppelApi {
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const openSocket = opts.openSocket ?? browserSocket;
  const listeners = new Set<FrameListener>();
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
        const frame = pushFrameSchema.safeParse(json);
        if (!frame.success) return;
        for (const l of [...listeners]) if (l.channel === frame.data.channel) l.deliver(frame.data.payload);
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
      if (!isChannel(channel)) throw new HostCallError(`Unknown channel "${String(channel)}".`, String(channel), 'unknown-channel');
      let res: Response;
      try {
        res = await fetchFn(new URL(`/api/${channel}`, opts.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-koppel-token': opts.token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new HostCallError('Koppel is not reachable. Check that "koppel serve" is still running, then reload the page.', channel, 'failed');
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new HostCallError(`Koppel answered "${channel}" with HTTP ${res.status} and no readable body. Reload the page.`, channel, 'failed', res.status);
      }
      const hint = res.status === 401 ? ' Open the address that "koppel serve" printed (it carries the access token).' : '';
      return resultOf(channel, body, { status: res.status, hint });
    },
    on<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void) {
      if (!isPushChannel(channel)) throw new Error(`Unknown push channel "${String(channel)}".`);
      // The menu exists only in the desktop app; nothing to open a socket for.
      if (!isWebPush(channel)) return () => {};
      const entry: FrameListener = {
        channel,
        deliver: (payload) => {
          const parsed = parsePush(channel, payload);
          if (parsed !== undefined) listener(parsed);
        },
      };
      listeners.add(entry);
      connect();
      return () => {
        listeners.delete(entry);
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
