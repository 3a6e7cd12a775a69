import { describe, expect, it } from 'vitest';
import { encodeModule, FunctionWriter, signed, unsigned, ValType } from '../../../src/core/engine/wasm/binary';
import { kernelModule } from '../../../src/core/engine/wasm/kernel';

const leb = (write: (out: number[], value: number) => void, value: number) => {
  const out: number[] = [];
  write(out, value);
  return out;
};

describe('the WebAssembly binary writer', () => {
  it('writes LEB128 numbers as the specification does', () => {
    // The specification's and DWARF's own examples.
    expect(leb(unsigned, 0)).toEqual([0x00]);
    expect(leb(unsigned, 127)).toEqual([0x7f]);
    expect(leb(unsigned, 128)).toEqual([0x80, 0x01]);
    expect(leb(unsigned, 624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(leb(unsigned, 2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(leb(signed, -1)).toEqual([0x7f]);
    expect(leb(signed, 63)).toEqual([0x3f]);
    expect(leb(signed, 64)).toEqual([0xc0, 0x00]);
    expect(leb(signed, -64)).toEqual([0x40]);
    expect(leb(signed, -65)).toEqual([0xbf, 0x7f]);
    expect(leb(signed, -123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it('writes a module that runs: a loop, locals, f64 and f64x2 arithmetic', () => {
    // run(out, n): out[q] += out[q] for q < n; then out[0..1] = out[0..1]·out[2] + out[3], two lanes at once.
    const params = [ValType.I32, ValType.I32] as const;
    const f = new FunctionWriter(params);
    const out = f.param(0);
    const n = f.param(1);
    const q = f.local(ValType.I32);
    const address = f.local(ValType.I32);
    f.i32Const(0).set(q);
    f.block().loop();
    f.get(q).get(n).i32LtS().i32Eqz().brIf(1);
    f.get(out).get(q).i32Const(3).i32Shl().i32Add().tee(address);
    f.get(address).f64Load().get(address).f64Load().f64Add().f64Store();
    f.get(q).i32Const(1).i32Add().set(q);
    f.br(0).end().end();
    f.get(out).get(out).v128Load().get(out).v128Load64Splat(16).f64x2Mul();
    f.get(out).f64Load(24).f64x2Splat().f64x2Add().v128Store();
    const bytes = encodeModule([{ name: 'run', params, body: f }]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { run } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as {
      run: (out: number, n: number) => void;
    };
    const view = new Float64Array(memory.buffer, 16, 4);
    view.set([2, 3, 5, 7]);
    run(16, 4);
    // Doubled: [4, 6, 10, 14]; then [4·10 + 14, 6·10 + 14].
    expect(Array.from(view)).toEqual([54, 74, 10, 14]);
  });

  it('writes a kernel module that WebAssembly accepts', () => {
    const bytes = kernelModule();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes));
    expect(exports.map((e) => e.name)).toEqual(['multiply', 'pack', 'descend', 'delta', 'sigmoid', 'relu', 'expNonPositive']);
    expect(exports.every((e) => e.kind === 'function')).toBe(true);
    expect(WebAssembly.Module.imports(new WebAssembly.Module(bytes))).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });
});
