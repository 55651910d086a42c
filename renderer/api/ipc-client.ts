import type { KoppelApi, KoppelBridge } from '../../host/contract';
import { HostCallError, resultOf } from './host-call';
import { isChannel } from './typed-contract';

/** `KoppelApi` over the Electron preload's `window.koppel`: the same unwrapping and checks as over HTTP. */
export function createIpcClient(bridge: KoppelBridge): KoppelApi {
  return {
    async invoke(channel, input) {
      if (!isChannel(channel)) throw new HostCallError(`Unknown channel "${String(channel)}".`, String(channel), 'unknown-channel');
      return resultOf(channel, await bridge.invoke(channel, input));
    },
    on: (channel, listener) => bridge.on(channel, listener),
  };
}
