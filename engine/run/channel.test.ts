import { describe, expect, it } from 'vitest';
import { Channel } from './channel';

const batch = (n: number) => [n];

describe('Channel', () => {
  it('makes the sender wait while it is full, and lets it go when the reader takes one', async () => {
    const ch = new Channel<number[]>(2);
    ch.addWriter();
    await ch.send(batch(1));
    await ch.send(batch(2));
    let thirdSent = false;
    const third = ch.send(batch(3)).then(() => (thirdSent = true));
    await Promise.resolve();
    expect(thirdSent).toBe(false);
    expect(ch.size).toBe(2);
    const it = ch[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual([1]);
    await third;
    expect(thirdSent).toBe(true);
    ch.closeWriter();
    expect((await it.next()).value).toEqual([2]);
    expect((await it.next()).value).toEqual([3]);
    expect((await it.next()).done).toBe(true);
    expect(ch.highWaterMark).toBe(2);
  });

  it('ends only when the last of several writers closes', async () => {
    const ch = new Channel<number[]>(4);
    ch.addWriter();
    ch.addWriter();
    await ch.send(batch(1));
    ch.closeWriter();
    await ch.send(batch(2));
    ch.closeWriter();
    const got: number[][] = [];
    for await (const b of ch) got.push(b);
    expect(got).toEqual([[1], [2]]);
  });

  it('drops values and frees waiting senders once the reader cancels', async () => {
    const ch = new Channel<number[]>(1);
    ch.addWriter();
    await ch.send(batch(1));
    const waiting = ch.send(batch(2));
    ch.cancel();
    await waiting;
    await ch.send(batch(3));
    expect(ch.size).toBe(0);
    expect((await ch[Symbol.asyncIterator]().next()).done).toBe(true);
  });

  it('hands a value straight to a waiting reader', async () => {
    const ch = new Channel<number[]>(1);
    ch.addWriter();
    const it = ch[Symbol.asyncIterator]();
    const next = it.next();
    await ch.send(batch(7));
    expect((await next).value).toEqual([7]);
    expect(ch.highWaterMark).toBe(0);
  });
});
