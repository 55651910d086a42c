import { describe, expect, it } from 'vitest';
import { createKeytarSecrets } from './keytar-secrets';

type Keytar = typeof import('keytar');

/** A keytar stand-in that records calls and can fail like a locked keychain does. */
function fakeKeytar(fail = false) {
  const calls: string[] = [];
  const store = new Map<string, string>();
  const boom = () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  };
  const keytar: Keytar = {
    getPassword: async (service, account) => (fail ? boom() : (calls.push(`get ${service}/${account}`), store.get(`${service}/${account}`) ?? null)),
    setPassword: async (service, account, password) => {
      if (fail) boom();
      calls.push(`set ${service}/${account}`);
      store.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => (fail ? boom() : store.delete(`${service}/${account}`)),
    findPassword: async () => null,
    findCredentials: async () => [],
  };
  return { keytar, calls };
}

describe('keytar secret store (without a keychain)', () => {
  it('uses service "Koppel" and the connection id as account, loading keytar only on first use', async () => {
    const { keytar, calls } = fakeKeytar();
    let loads = 0;
    const secrets = createKeytarSecrets({
      load: async () => {
        loads++;
        return keytar;
      },
    });
    expect(loads).toBe(0);
    await secrets.set('demo-ccv-shop', 'k');
    expect(await secrets.get('demo-ccv-shop')).toBe('k');
    expect(calls).toEqual(['set Koppel/demo-ccv-shop', 'get Koppel/demo-ccv-shop']);
    expect(loads).toBe(1);
  });

  it('turns keychain failures into a message that names the connection and the way out, never the secret', async () => {
    const { keytar } = fakeKeytar(true);
    const secrets = createKeytarSecrets({ load: async () => keytar });
    const error = await secrets.set('my-shop', 'super-secret-value').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain("connection 'my-shop'");
    expect(String(error)).toContain('KOPPEL_SECRET_');
    expect(String(error)).not.toContain('super-secret-value');
    await expect(secrets.get('my-shop')).rejects.toThrow(/Could not read the secret/);
  });
});
