import { describe, expect, it } from 'vitest';
import { Disposable } from '../../../src/extension/dispose';

/** The Disposable base (src/extension/dispose.ts) the panel and the providers build on. */

/** A subclass that exposes `register`, and children that write down when they are disposed. */
class Owner extends Disposable {
  add<T extends { dispose(): void }>(child: T): T {
    return this.register(child);
  }
  get disposed(): boolean {
    return this.isDisposed;
  }
}

function child(name: string, order: string[], failure?: Error) {
  return {
    dispose: () => {
      order.push(name);
      if (failure) throw failure;
    },
  };
}

describe('Disposable', () => {
  it('disposes its children last registered first', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.add(child('emitter', order));
    owner.add(child('subscription 1', order));
    owner.add(child('subscription 2', order));
    expect(owner.disposed).toBe(false);
    owner.dispose();
    expect(order).toEqual(['subscription 2', 'subscription 1', 'emitter']);
    expect(owner.disposed).toBe(true);
  });

  it('disposes each child once, however often it is disposed', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.add(child('a', order));
    owner.dispose();
    owner.dispose();
    expect(order).toEqual(['a']);
  });

  it('disposes a child registered after disposal at once, and returns it', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.dispose();
    const late = child('late', order);
    expect(owner.add(late)).toBe(late);
    expect(order).toEqual(['late']);
    owner.dispose();
    expect(order).toEqual(['late']);
  });

  it('is not re-entered when a child disposes its owner', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.add(child('first', order));
    // Like a webview panel whose onDidDispose listener disposes the panel's owner.
    owner.add({ dispose: () => (order.push('panel'), owner.dispose()) });
    owner.dispose();
    expect(order).toEqual(['panel', 'first']);
  });

  it('disposes every child even when some throw, then rethrows', () => {
    const order: string[] = [];
    const one = new Owner();
    one.add(child('a', order));
    one.add(child('b', order, new Error('b failed')));
    expect(() => one.dispose()).toThrow('b failed');
    expect(order).toEqual(['b', 'a']);

    const two = new Owner();
    two.add(child('c', order, new Error('c failed')));
    two.add(child('d', order, new Error('d failed')));
    let thrown: unknown;
    try {
      two.dispose();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AggregateError);
    expect((thrown as AggregateError).errors.map((e: Error) => e.message)).toEqual(['d failed', 'c failed']);
    expect(order).toEqual(['b', 'a', 'd', 'c']);
  });
});
