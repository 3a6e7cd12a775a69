/**
 * Just enough of the WebAssembly binary format to write one module by hand: LEB128 numbers,
 * a function body writer with the instructions our kernel uses, and the module's sections.
 * Writing bytes from TypeScript keeps the engine free of a toolchain and of a checked-in
 * binary: the kernel is generated, validated and compiled on first use.
 *
 * Opcodes are those of the WebAssembly 2.0 core specification (SIMD instructions are the
 * 0xFD prefix followed by a LEB128 sub-opcode).
 */

/** Value types, by their encoding. */
export const ValType = { I32: 0x7f, F64: 0x7c, V128: 0x7b } as const;
export type ValType = (typeof ValType)[keyof typeof ValType];

/** Unsigned LEB128. */
export function unsigned(out: number[], value: number): void {
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
}

/** Signed LEB128 of a 32-bit integer. */
export function signed(out: number[], value: number): void {
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** A local variable's index, as handed out by FunctionWriter. */
export type Local = number & { readonly __local: unique symbol };

/**
 * Writes one function body. Parameters are the first locals; `local()` declares more. Each
 * method appends one instruction, so code reads top to bottom like the text format.
 */
export class FunctionWriter {
  private readonly code: number[] = [];
  private readonly extra: ValType[] = [];

  constructor(private readonly params: readonly ValType[]) {}

  param(index: number): Local {
    return index as Local;
  }

  local(type: ValType): Local {
    this.extra.push(type);
    return (this.params.length + this.extra.length - 1) as Local;
  }

  get(local: Local): this {
    return this.op(0x20).u(local);
  }
  set(local: Local): this {
    return this.op(0x21).u(local);
  }
  tee(local: Local): this {
    return this.op(0x22).u(local);
  }

  // Structured control. Blocks and loops have no results here (block type 0x40).
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  /** Branch to the enclosing label `depth` levels out (0 = innermost). */
  br(depth: number): this {
    return this.op(0x0c).u(depth);
  }
  brIf(depth: number): this {
    return this.op(0x0d).u(depth);
  }

  /** `while (!exit) body`: block and loop with the test at the top, so a loop that runs no time is fine. */
  whileNot(exit: () => void, body: () => void): this {
    this.block().loop();
    exit();
    this.brIf(1);
    body();
    return this.br(0).end().end();
  }
  /** local += constant. */
  increment(local: Local, by: number): this {
    return this.get(local).i32Const(by).i32Add().set(local);
  }
  /** local += another local (a Local is a number too, hence two names). */
  advance(local: Local, by: Local): this {
    return this.get(local).get(by).i32Add().set(local);
  }

  i32Const(value: number): this {
    this.code.push(0x41);
    signed(this.code, value | 0);
    return this;
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32Or(): this {
    return this.op(0x72);
  }
  i32And(): this {
    return this.op(0x71);
  }

  // Memory access: `offset` is a constant byte offset added to the address on the stack.
  // Every address we form is a multiple of 8, which is the alignment hint given (log2 = 3).
  f64Load(offset = 0): this {
    return this.op(0x2b).u(3).u(offset);
  }
  f64Store(offset = 0): this {
    return this.op(0x39).u(3).u(offset);
  }
  f64Zero(): this {
    return this.op(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }

  v128Load(offset = 0): this {
    return this.simd(0x00).u(3).u(offset);
  }
  /** Loads one f64 into both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.simd(0x0a).u(3).u(offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).u(3).u(offset);
  }
  /** Both lanes +0.0. */
  v128Zero(): this {
    return this.v128Const(new ArrayBuffer(16));
  }
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Sub(): this {
    return this.simd(0xf1);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  f64x2Div(): this {
    return this.simd(0xf3);
  }
  f64x2Abs(): this {
    return this.simd(0xec);
  }
  f64x2Neg(): this {
    return this.simd(0xed);
  }
  /** Lane masks: all ones where the comparison holds (false for NaN). */
  f64x2Lt(): this {
    return this.simd(0x49);
  }
  f64x2Ge(): this {
    return this.simd(0x4c);
  }
  f64x2Gt(): this {
    return this.simd(0x4a);
  }
  f64x2Ne(): this {
    return this.simd(0x48);
  }
  /** Both lanes `value`. */
  f64x2Const(value: number): this {
    return this.v128Const(new Float64Array([value, value]).buffer);
  }
  /** Both 64-bit lanes the integer `value`. */
  i64x2Const(value: number): this {
    return this.v128Const(new BigInt64Array([BigInt(value), BigInt(value)]).buffer);
  }
  /** v128.const of 16 bytes (little-endian lanes, as typed arrays lay them out here). */
  private v128Const(lanes: ArrayBuffer): this {
    this.simd(0x0c);
    for (const byte of new Uint8Array(lanes)) this.code.push(byte);
    return this;
  }
  v128And(): this {
    return this.simd(0x4e);
  }
  v128Or(): this {
    return this.simd(0x50);
  }
  /** (a, b, mask): a's bits where mask is 1, b's where it is 0. */
  v128Bitselect(): this {
    return this.simd(0x52);
  }
  /** The two f64 lanes truncated towards 0 to int32 lanes 0 and 1 (saturating; NaN gives 0), lanes 2 and 3 zero. */
  i32x4TruncSatF64x2Zero(): this {
    return this.simd(0xfc);
  }
  /** int32 lanes 0 and 1 to two f64 (exact). */
  f64x2ConvertLowI32x4(): this {
    return this.simd(0xfe);
  }
  /** int32 lanes 0 and 1 to two int64, sign-extended. */
  i64x2ExtendLowI32x4(): this {
    return this.simd(0xc7);
  }
  i64x2Add(): this {
    return this.simd(0xce);
  }
  /** (v, i32 count): each 64-bit lane shifted left. */
  i64x2Shl(): this {
    return this.simd(0xcb);
  }

  /** The body as the code section wants it: size, local declarations, instructions, end. */
  encode(): number[] {
    const body: number[] = [];
    // Consecutive locals of one type are declared as one run.
    const runs: [number, ValType][] = [];
    for (const type of this.extra) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    unsigned(body, runs.length);
    for (const [count, type] of runs) {
      unsigned(body, count);
      body.push(type);
    }
    body.push(...this.code, 0x0b);
    const out: number[] = [];
    unsigned(out, body.length);
    out.push(...body);
    return out;
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  private simd(opcode: number): this {
    this.code.push(0xfd);
    unsigned(this.code, opcode);
    return this;
  }
  private u(value: number): this {
    unsigned(this.code, value);
    return this;
  }
}

export interface ExportedFunction {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly body: FunctionWriter;
}

/** The most pages a shared memory import declares: 2 GiB, the engine's largest memory (runtime.ts). */
export const SHARED_MAX_PAGES = 32768;

/**
 * A module that imports its memory as `env.memory` (so the caller owns and sizes it) and
 * exports the given functions, none of which returns a value. With `shared` the import asks for
 * a shared memory (one several threads run the same functions on, wasm/parallel.ts); a shared
 * import must state a maximum.
 */
export function encodeModule(functions: readonly ExportedFunction[], shared = false): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]) => {
    out.push(id);
    unsigned(out, content.length);
    out.push(...content);
  };
  const name = (target: number[], text: string) => {
    const bytes = Array.from(text, (ch) => ch.charCodeAt(0));
    unsigned(target, bytes.length);
    target.push(...bytes);
  };

  const types: number[] = [];
  unsigned(types, functions.length);
  for (const fn of functions) {
    types.push(0x60);
    unsigned(types, fn.params.length);
    types.push(...fn.params);
    unsigned(types, 0);
  }
  section(1, types);

  const imports: number[] = [];
  unsigned(imports, 1);
  name(imports, 'env');
  name(imports, 'memory');
  if (shared) {
    imports.push(0x02, 0x03); // a shared memory with a minimum and a maximum size
    unsigned(imports, 1);
    unsigned(imports, SHARED_MAX_PAGES);
  } else {
    imports.push(0x02, 0x00); // a memory with a minimum size and no maximum
    unsigned(imports, 1);
  }
  section(2, imports);

  const declarations: number[] = [];
  unsigned(declarations, functions.length);
  functions.forEach((_, index) => unsigned(declarations, index));
  section(3, declarations);

  const exports: number[] = [];
  unsigned(exports, functions.length);
  functions.forEach((fn, index) => {
    name(exports, fn.name);
    exports.push(0x00);
    unsigned(exports, index);
  });
  section(7, exports);

  const code: number[] = [];
  unsigned(code, functions.length);
  for (const fn of functions) code.push(...fn.body.encode());
  section(10, code);
  return new Uint8Array(out);
}
