import { describe, expect, it } from 'vitest';
import { ReferenceIndex } from './reference-index';

describe('ReferenceIndex', () => {
  it('looks the first orders of a group up one by one, then reads the group once and answers from memory', async () => {
    const calls: string[] = [];
    const docs = new Map([['CCV-1', 'INV-1'], ['CCV-5', 'INV-5']]);
    const index = new ReferenceIndex(
      async (group) => (calls.push(`read ${group}`), new Map(docs)),
      async (ref, group) => (calls.push(`look ${group} ${ref}`), docs.get(ref)),
      2,
    );
    expect(await index.find('CCV-1', '202604')).toBe('INV-1');
    expect(await index.find('CCV-2', '202604')).toBeUndefined();
    expect(await index.find('CCV-5', '202604')).toBe('INV-5');
    expect(await index.find('CCV-6', '202604')).toBeUndefined();
    expect(await index.find('CCV-1', '202605')).toBe('INV-1');
    expect(calls).toEqual(['look 202604 CCV-1', 'look 202604 CCV-2', 'read 202604', 'look 202605 CCV-1']);
    // After a stopped write, nothing read before is trusted.
    expect(await index.find('CCV-5', '202604', true)).toBe('INV-5');
    expect(calls.at(-1)).toBe('look 202604 CCV-5');
  });

  it('does not keep a group whose read failed', async () => {
    let fail = true;
    const index = new ReferenceIndex(
      async () => {
        if (fail) throw new Error('Visma.net was not reachable');
        return new Map([['A', '1']]);
      },
      async () => undefined,
      0,
    );
    await expect(index.find('A', 'g')).rejects.toThrow('not reachable');
    fail = false;
    expect(await index.find('A', 'g')).toBe('1');
  });
});
