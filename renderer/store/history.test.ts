import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, historyReducer } from './history';
import type { History, HistoryAction } from './history';

const run = (h: History<number>, ...actions: HistoryAction<number>[]) => actions.reduce(historyReducer<number>, h);

describe('undo/redo history', () => {
  it('undoes and redoes commits in order', () => {
    const h = run(createHistory(0), { type: 'commit', next: 1 }, { type: 'commit', next: 2 });
    expect(h.present).toBe(2);
    const u = run(h, { type: 'undo' });
    expect(u.present).toBe(1);
    expect(canRedo(u)).toBe(true);
    expect(run(u, { type: 'undo' }).present).toBe(0);
    expect(run(u, { type: 'redo' }).present).toBe(2);
  });

  it('does nothing when there is nothing to undo or redo', () => {
    const h = createHistory(5);
    expect(run(h, { type: 'undo' })).toBe(h);
    expect(run(h, { type: 'redo' })).toBe(h);
    expect(canUndo(h)).toBe(false);
  });

  it('a new commit clears the redo stack', () => {
    const h = run(createHistory(0), { type: 'commit', next: 1 }, { type: 'undo' }, { type: 'commit', next: 7 });
    expect(h.present).toBe(7);
    expect(canRedo(h)).toBe(false);
    expect(run(h, { type: 'undo' }).present).toBe(0);
  });

  it('merges consecutive commits with the same key into one undo step', () => {
    const h = run(createHistory(0), { type: 'commit', next: 1, key: 'name' }, { type: 'commit', next: 2, key: 'name' }, { type: 'commit', next: 3, key: 'name' });
    expect(h.present).toBe(3);
    expect(run(h, { type: 'undo' }).present).toBe(0);
    const other = run(h, { type: 'commit', next: 4, key: 'other' });
    expect(run(other, { type: 'undo' }).present).toBe(3);
  });

  it('seal and undo end a merge run', () => {
    const sealed = run(createHistory(0), { type: 'commit', next: 1, key: 'k' }, { type: 'seal' }, { type: 'commit', next: 2, key: 'k' });
    expect(run(sealed, { type: 'undo' }).present).toBe(1);
    const afterUndo = run(createHistory(0), { type: 'commit', next: 1, key: 'k' }, { type: 'undo' }, { type: 'commit', next: 2, key: 'k' });
    expect(run(afterUndo, { type: 'undo' }).present).toBe(0);
  });

  it('keeps at most `limit` undo steps', () => {
    let h = createHistory(0, 3);
    for (let i = 1; i <= 10; i++) h = historyReducer(h, { type: 'commit', next: i });
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('reset forgets everything', () => {
    const h = run(createHistory(0), { type: 'commit', next: 1 }, { type: 'reset', present: 9 });
    expect(h).toMatchObject({ past: [], present: 9, future: [] });
  });
});
