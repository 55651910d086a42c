import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout';

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) =>
  a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;

describe('auto-layout', () => {
  it('puts each node right of its predecessors (longest path)', () => {
    const pos = autoLayout(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'a', target: 'c' },
        { source: 'c', target: 'd' },
      ],
    );
    const x = (id: string) => pos.get(id)?.x ?? NaN;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(x('c')).toBeLessThan(x('d'));
  });

  it('stacks siblings in one layer without overlap', () => {
    const nodes = [{ id: 'root' }, { id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'lonely' }];
    const pos = autoLayout(nodes, [
      { source: 'root', target: 'x' },
      { source: 'root', target: 'y' },
      { source: 'root', target: 'z' },
    ]);
    expect(pos.size).toBe(5);
    const all = [...pos.values()];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i];
        const b = all[j];
        if (a && b) expect(overlaps(a, b, 240, 110)).toBe(false);
      }
    }
    expect(new Set(['x', 'y', 'z'].map((id) => pos.get(id)?.x)).size).toBe(1);
  });

  it('orders a layer by its parents to avoid crossings', () => {
    const pos = autoLayout(
      [{ id: 'p1' }, { id: 'p2' }, { id: 'c2' }, { id: 'c1' }],
      [
        { source: 'p1', target: 'c1' },
        { source: 'p2', target: 'c2' },
      ],
    );
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(Math.sign(y('p1') - y('p2'))).toBe(Math.sign(y('c1') - y('c2')));
  });

  it('survives cycles and unknown edge ends, and is deterministic', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'a', target: 'ghost' },
    ];
    const one = autoLayout(nodes, edges);
    expect(one.size).toBe(3);
    expect([...autoLayout(nodes, edges)]).toEqual([...one]);
    expect((one.get('a')?.x ?? 0) < (one.get('c')?.x ?? 0)).toBe(true);
  });

  it('respects origin and node sizes', () => {
    const pos = autoLayout([{ id: 'a', width: 400 }, { id: 'b' }], [{ source: 'a', target: 'b' }], { origin: { x: 100, y: 50 }, gapX: 10 });
    expect(pos.get('a')).toEqual({ x: 100, y: 50 });
    expect(pos.get('b')?.x).toBe(510);
  });
});
