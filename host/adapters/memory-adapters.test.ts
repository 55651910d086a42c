import { describe, expect, it } from 'vitest';
import { createMemorySecrets } from './memory-secrets';
import { createMemorySettings } from './memory-settings';

describe('in-memory adapters', () => {
  it('keep secrets per account', async () => {
    const secrets = createMemorySecrets({ a: 'x' });
    expect(await secrets.get('a')).toBe('x');
    expect(await secrets.get('b')).toBeNull();
    await secrets.set('b', 'y');
    expect(await secrets.get('b')).toBe('y');
    expect(await secrets.delete('b')).toBe(true);
    expect(await secrets.delete('b')).toBe(false);
  });

  it('copy settings values so callers cannot change stored state by mutation', () => {
    const settings = createMemorySettings();
    const value = { list: [1] };
    settings.set('k', value);
    value.list.push(2);
    expect(settings.get('k')).toEqual({ list: [1] });
    settings.delete('k');
    expect(settings.get('k')).toBeUndefined();
  });
});
