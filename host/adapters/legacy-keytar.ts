/**
 * Keychain entries written by Koppel's keytar-based versions (keytar 7.9.0, until 0.1.x), read the way keytar wrote
 * them so that `keychain-secrets.ts` can move them to `@napi-rs/keyring` once. keytar is archived and needs a
 * compiler; here the same operating-system calls are made through koffi (prebuilt FFI, no build step):
 *
 * - Linux (and the BSDs): libsecret, schema `org.freedesktop.Secret.Generic` with the attributes `service` and
 *   `account`, as keytar's `keytar_posix.cc` stored them. keytar loaded libsecret-1.so.0 itself, so wherever it
 *   stored an entry that library is present; where it is missing there is nothing to move.
 * - Windows: the Credential Manager, a generic credential named `<service>/<account>` whose blob holds the UTF-8
 *   bytes of the secret (`keytar_win.cc`). The new binding names its credentials `<account>.<service>` and stores
 *   UTF-16, so the two never collide. Not run here (no Windows machine): written from keytar's source.
 * - macOS: keytar and the new binding use the same generic-password item (service, account), so the new binding
 *   finds old entries itself and there is nothing to move.
 */
import { createRequire } from 'node:module';

export interface LegacyKeychain {
  /** The secret keytar stored under (service, account), or null when there is none. */
  read(service: string, account: string): Promise<string | null>;
  /** Removes keytar's entry; true when there was one. */
  remove(service: string, account: string): Promise<boolean>;
}

/** Thrown when the old entry exists but the keychain refused to hand it over (locked, prompt dismissed). */
export class LegacyKeychainError extends Error {}

type Koffi = typeof import('koffi');

function loadKoffi(): Koffi | null {
  try {
    // koffi is CommonJS with a native part; require keeps it out of the way until an old entry is looked for.
    const koffi: Koffi = createRequire(import.meta.url)('koffi');
    return koffi;
  } catch {
    return null;
  }
}

/** libsecret with keytar's schema. Null when libsecret (or koffi) cannot be loaded: keytar then never stored anything. */
function libsecretKeychain(koffi: Koffi): LegacyKeychain | null {
  let lib: ReturnType<Koffi['load']>;
  let glib: ReturnType<Koffi['load']>;
  try {
    lib = koffi.load('libsecret-1.so.0');
    glib = koffi.load('libglib-2.0.so.0');
  } catch {
    return null;
  }
  const attribute = koffi.struct('KoppelSecretSchemaAttribute', { name: 'const char *', type: 'int' });
  const schemaType = koffi.struct('KoppelSecretSchema', {
    name: 'const char *',
    flags: 'int',
    attributes: koffi.array(attribute, 32),
    reserved: 'int',
    reserved1: 'void *',
    reserved2: 'void *',
    reserved3: 'void *',
    reserved4: 'void *',
    reserved5: 'void *',
    reserved6: 'void *',
    reserved7: 'void *',
  });
  const gerror = koffi.struct('KoppelGError', { domain: 'uint32_t', code: 'int', message: 'const char *' });
  const passwordFree = lib.func('void secret_password_free(void *password)');
  const secretString = koffi.disposable('KoppelSecretString', 'const char *', passwordFree);
  const lookup = lib.func('secret_password_lookup_sync', secretString, [koffi.pointer(schemaType), 'void *', koffi.out(koffi.pointer('void *')), '...']);
  const clear = lib.func('bool secret_password_clear_sync(const KoppelSecretSchema *schema, void *cancellable, _Out_ void **error, ...)');
  const errorFree = glib.func('void g_error_free(void *error)');

  // SECRET_SCHEMA_ATTRIBUTE_STRING = 0, SECRET_SCHEMA_NONE = 0; the attribute list ends at the first null name.
  const schema = {
    name: 'org.freedesktop.Secret.Generic',
    flags: 0,
    attributes: Array.from({ length: 32 }, (_, i) => ({ name: i === 0 ? 'service' : i === 1 ? 'account' : null, type: 0 })),
    reserved: 0,
  };
  const attrs = (service: string, account: string): unknown[] => [
    'const char *', 'service', 'const char *', service,
    'const char *', 'account', 'const char *', account,
    'void *', null,
  ];
  const check = (errorOut: unknown[]): void => {
    const ptr = errorOut[0];
    if (ptr === null || ptr === undefined) return;
    const decoded: unknown = koffi.decode(ptr, gerror);
    errorFree(ptr);
    const message = typeof decoded === 'object' && decoded !== null && 'message' in decoded ? decoded.message : null;
    throw new LegacyKeychainError(typeof message === 'string' ? message : 'the Secret Service refused the request');
  };
  return {
    read(service, account) {
      const errorOut: unknown[] = [null];
      const secret: unknown = lookup(schema, null, errorOut, ...attrs(service, account));
      check(errorOut);
      return Promise.resolve(typeof secret === 'string' ? secret : null);
    },
    remove(service, account) {
      const errorOut: unknown[] = [null];
      const removed: unknown = clear(schema, null, errorOut, ...attrs(service, account));
      check(errorOut);
      return Promise.resolve(removed === true);
    },
  };
}

/** The Windows Credential Manager as keytar used it. */
function credentialManagerKeychain(koffi: Koffi): LegacyKeychain | null {
  let advapi: ReturnType<Koffi['load']>;
  try {
    advapi = koffi.load('advapi32.dll');
  } catch {
    return null;
  }
  const credential = koffi.struct('KoppelCREDENTIALW', {
    Flags: 'uint32_t',
    Type: 'uint32_t',
    TargetName: 'char16_t *',
    Comment: 'char16_t *',
    LastWrittenLow: 'uint32_t',
    LastWrittenHigh: 'uint32_t',
    CredentialBlobSize: 'uint32_t',
    CredentialBlob: 'void *',
    Persist: 'uint32_t',
    AttributeCount: 'uint32_t',
    Attributes: 'void *',
    TargetAlias: 'char16_t *',
    UserName: 'char16_t *',
  });
  const credRead = advapi.func('bool __stdcall CredReadW(const char16_t *target, uint32_t type, uint32_t flags, _Out_ void **credential)');
  const credFree = advapi.func('void __stdcall CredFree(void *buffer)');
  const credDelete = advapi.func('bool __stdcall CredDeleteW(const char16_t *target, uint32_t type, uint32_t flags)');
  const CRED_TYPE_GENERIC = 1;
  return {
    read(service, account) {
      const out: unknown[] = [null];
      // CredReadW fails with ERROR_NOT_FOUND when keytar never stored this account.
      if (credRead(`${service}/${account}`, CRED_TYPE_GENERIC, 0, out) !== true || out[0] === null) return Promise.resolve(null);
      try {
        const cred: unknown = koffi.decode(out[0], credential);
        if (typeof cred !== 'object' || cred === null || !('CredentialBlobSize' in cred) || !('CredentialBlob' in cred)) return Promise.resolve(null);
        const size = Number(cred.CredentialBlobSize);
        if (size === 0 || cred.CredentialBlob === null) return Promise.resolve('');
        const bytes: unknown = koffi.decode(cred.CredentialBlob, 'uint8_t', size);
        return Promise.resolve(Buffer.from(Uint8Array.from(bytes instanceof Uint8Array || Array.isArray(bytes) ? bytes : [])).toString('utf8'));
      } finally {
        credFree(out[0]);
      }
    },
    remove(service, account) {
      return Promise.resolve(credDelete(`${service}/${account}`, CRED_TYPE_GENERIC, 0) === true);
    },
  };
}

let opened: LegacyKeychain | null | undefined;

/** The keytar-format keychain of this platform (opened once), or null where there is nothing to move. */
export function openLegacyKeychain(): LegacyKeychain | null {
  if (opened !== undefined) return opened;
  const koffi = process.platform === 'darwin' ? null : loadKoffi();
  opened = koffi === null ? null : process.platform === 'win32' ? credentialManagerKeychain(koffi) : libsecretKeychain(koffi);
  return opened;
}
