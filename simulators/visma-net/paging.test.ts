// The fast paths of list pages must give what the plain walk gives: jumping to a page, the cached matches of a
// filtered list (invalidated by every write), the date rendering scan and the element-wise JSON body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LazyCollection } from './collection';
import { formatMainDateTime, renderDatesInJson } from './dates';
import { pageCollection } from './paging';
import { arr, obj, objs, startTestSim, wrap, type TestSim } from './test-support';

const collection = (n: number) => new LazyCollection<{ i: number; tag: string }>('t', { count: n, generate: (i) => ({ i, tag: i % 3 === 0 ? 'x' : 'y' }) }, (r) => String(r.i));

/** The reference: walk everything. */
function naive(coll: LazyCollection<{ i: number; tag: string }>, pred: ((r: { i: number; tag: string }) => boolean) | undefined, skip: number, take: number) {
  const all = [...coll.entries()].map(([, r]) => r).filter((r) => !pred || pred(r));
  return { total: all.length, items: all.slice(skip, skip + take) };
}

describe('pageCollection', () => {
  it('pages like a full walk, with and without deletions and filters', () => {
    const coll = collection(1000);
    const isX = (r: { tag: string }) => r.tag === 'x';
    for (const [skip, take] of [[0, 10], [990, 20], [1000, 5], [500, 0]] as const) {
      expect(pageCollection(coll, undefined, skip, take)).toEqual(naive(coll, undefined, skip, take));
      expect(pageCollection(coll, isX, skip, take, 'k')).toEqual(naive(coll, isX, skip, take));
    }
    for (const i of [0, 3, 4, 500, 998]) coll.remove(i);
    coll.insert({ i: 1000, tag: 'x' });
    for (const [skip, take] of [[0, 10], [2, 3], [495, 10], [990, 20]] as const) {
      expect(pageCollection(coll, undefined, skip, take)).toEqual(naive(coll, undefined, skip, take));
      expect(pageCollection(coll, isX, skip, take, 'k')).toEqual(naive(coll, isX, skip, take));
    }
  });

  it('reuses the matches of a filtered query until the collection changes', () => {
    const coll = collection(100);
    let tests = 0;
    const pred = (r: { tag: string }) => {
      tests++;
      return r.tag === 'x';
    };
    expect(pageCollection(coll, pred, 0, 5, 'q').total).toBe(34);
    expect(tests).toBe(100);
    expect(pageCollection(coll, pred, 5, 5, 'q').items.map((r) => r.i)).toEqual([15, 18, 21, 24, 27]);
    expect(tests).toBe(100);
    coll.put(1, { i: 1, tag: 'x' });
    expect(pageCollection(coll, pred, 0, 2, 'q').items.map((r) => r.i)).toEqual([0, 1]);
    expect(tests).toBe(200);
    expect(pageCollection(coll, pred, 0, 2, 'other query').total).toBe(35);
  });
});

describe('renderDatesInJson', () => {
  const RE = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z"/g;
  const reference = (json: string, offset: number, withOffset: boolean) =>
    offset === 0 && withOffset ? json : json.replace(RE, (_m, local: string) => (offset === 0 ? `"${local}"` : `"${formatMainDateTime(Date.parse(`${local}Z`), offset, withOffset)}"`));
  const stamp = '"2024-03-01T10:20:30.456Z"';
  const inputs = [
    '', 'Z"', stamp, `[${stamp},${stamp}]`, `${stamp}${stamp}`, `x${stamp}2024-03-01T10:20:30.456Z"`, '"2024-03-01T10:20:30.45Z"',
    '"2024-03-01 10:20:30.456Z"', '{"a":"\\"2024-03-01T10:20:30.456Z\\""}', `${stamp.slice(0, -1)}Z"`, '"2024-13-99T99:99:99.999Z"',
    `{"lastModifiedDateTime":${stamp},"note":"Z\\"","x":[${stamp}]}`,
  ];
  it('gives what the regular expression gives, for offset 0 and shifted zones', () => {
    for (const [offset, withOffset] of [[0, false], [0, true], [60, false], [-90, true]] as const) {
      for (const input of inputs) expect(renderDatesInJson(input, offset, withOffset)).toBe(reference(input, offset, withOffset));
    }
  });
});

describe('list pages over HTTP', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ sizes: { inventory: 120 } });
  });
  afterAll(() => t.sim.close());

  it('pages a filtered list consistently and shows a write on the next read', async () => {
    const q = '/v1/inventory?status=Active&lastModifiedDateTime=2024-01-01&lastModifiedDateTimeCondition=%3E&pageSize=20';
    const first = objs((await t.call('GET', `${q}&pageNumber=1`)).json);
    const total = Number(obj(first[0]?.metadata).totalCount);
    let seen = first.length;
    for (let n = 2; seen < total; n++) seen += arr((await t.call('GET', `${q}&pageNumber=${n}`)).json).length;
    expect(seen).toBe(total);
    const victim = String(first[0]?.inventoryNumber);
    expect((await t.call('PUT', `/v1/inventory/${victim}`, { body: wrap({ status: 'Inactive' }) })).status).toBe(204);
    const after = objs((await t.call('GET', `${q}&pageNumber=1`)).json);
    expect(Number(obj(after[0]?.metadata).totalCount)).toBe(total - 1);
    expect(after.map((i) => i.inventoryNumber)).not.toContain(victim);
    // Dates are rendered without Z by default, in every element of a large page.
    const page = (await t.call('GET', '/v1/inventory?pageSize=100')).text;
    expect(page).not.toMatch(/\d\.\d{3}Z"/);
    expect(arr(JSON.parse(page))).toHaveLength(100);
  });
});
