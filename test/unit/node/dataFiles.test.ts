import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES, type DataFileRead } from '../../../src/core/data/files';
import { firstInvalidByte, nodeDataFiles } from '../../../src/node/dataFiles';

let folder: string;
let spec: string;
const canMakeFifo = process.platform !== 'win32';
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'nnet-datafiles-'));
  spec = join(folder, 'net.nnet');
  writeFileSync(spec, 'network\n');
  mkdirSync(join(folder, 'data'));
  writeFileSync(join(folder, 'data', 'iris.csv'), 'a,b\n1,2\n');
});

afterAll(() => {
  if (existsSync(join(folder, 'locked.csv'))) chmodSync(join(folder, 'locked.csv'), 0o644);
  rmSync(folder, { recursive: true, force: true });
});

const read = (path: string): DataFileRead => nodeDataFiles({ specPath: spec }).read(path);
const message = (result: DataFileRead): string => (result.kind === 'problem' ? result.message : `read: ${result.text.slice(0, 20)}`);

describe('nodeDataFiles', () => {
  it('reads a CSV file relative to the spec folder, naming it by its absolute path', () => {
    expect(read('data/iris.csv')).toEqual({ kind: 'text', text: 'a,b\n1,2\n', id: join(folder, 'data', 'iris.csv') });
  });

  it('gives the same id however the path is spelt, absolute paths included', () => {
    const id = join(folder, 'data', 'iris.csv');
    for (const path of ['./data/iris.csv', 'data/../data/iris.csv', id]) {
      expect(read(path), path).toEqual({ kind: 'text', text: 'a,b\n1,2\n', id });
    }
  });

  it('keeps a byte-order mark in the text', () => {
    writeFileSync(join(folder, 'bom.csv'), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]));
    expect(read('bom.csv')).toMatchObject({ kind: 'text', text: '\ufeffa\n' });
  });

  it('says which absolute path it looked for when the file is missing', () => {
    const id = join(folder, 'nope.csv');
    expect(read('nope.csv')).toEqual({ kind: 'problem', id, message: `cannot find \`nope.csv\` (looked for ${id})` });
    expect(message(read('iris.csv/x.csv'))).toMatch(/^cannot find `iris.csv\/x.csv`/);
  });

  it('refuses a folder', () => {
    expect(read('data')).toEqual({
      kind: 'problem',
      id: join(folder, 'data'),
      message: '`data` is a folder, not a regular file; a data file must be a regular CSV file',
    });
  });

  it.runIf(canMakeFifo)('refuses a named pipe without opening it, and so returns at once', { timeout: 1000 }, () => {
    const fifo = join(folder, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(message(read('pipe.csv'))).toBe('`pipe.csv` is a named pipe, not a regular file; a data file must be a regular CSV file');
    symlinkSync(fifo, join(folder, 'link.csv'));
    expect(read('link.csv')).toMatchObject({ kind: 'problem', id: join(folder, 'link.csv'), message: expect.stringContaining('is a named pipe') });
  });

  it.runIf(existsSync('/dev/zero'))('refuses a device such as /dev/zero', { timeout: 1000 }, () => {
    expect(read('/dev/zero')).toEqual({
      kind: 'problem',
      id: '/dev/zero',
      message: '`/dev/zero` is a device, not a regular file; a data file must be a regular CSV file',
    });
  });

  it('refuses a file over the limit from its size, without reading it', { timeout: 1000 }, () => {
    const big = join(folder, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, MAX_DATA_FILE_BYTES + 1);
    expect(message(read('big.csv'))).toBe(`\`big.csv\` is ${MAX_DATA_FILE_BYTES + 1} bytes; data files may be at most 64 MiB`);
    truncateSync(big, 80 * 2 ** 20);
    expect(message(read('big.csv'))).toBe('`big.csv` is 80.0 MiB; data files may be at most 64 MiB');
    rmSync(big);
  });

  it('reads a file of exactly the limit', { timeout: 20_000 }, () => {
    const full = join(folder, 'full.csv');
    writeFileSync(full, '');
    truncateSync(full, MAX_DATA_FILE_BYTES);
    const result = read('full.csv');
    rmSync(full);
    expect(result.kind).toBe('text');
    expect(result.kind === 'text' && result.text.length).toBe(MAX_DATA_FILE_BYTES);
  });

  it('refuses text that is not UTF-8, saying where it goes wrong', () => {
    writeFileSync(join(folder, 'latin1.csv'), Buffer.concat([Buffer.from('name\nJos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(message(read('latin1.csv'))).toBe('`latin1.csv` is not UTF-8 text (byte 9, on line 2, is not valid UTF-8); save it as UTF-8');
  });

  it.skipIf(isRoot || process.platform === 'win32')('says so when permission is denied', () => {
    const locked = join(folder, 'locked.csv');
    writeFileSync(locked, 'a\n');
    chmodSync(locked, 0);
    expect(read('locked.csv')).toEqual({ kind: 'problem', id: locked, message: 'cannot read `locked.csv`: permission denied' });
  });

  it('reads the editor text of a file in place of the disk, even one not saved yet', () => {
    const id = join(folder, 'data', 'iris.csv');
    const unsaved = join(folder, 'new.csv');
    const files = nodeDataFiles({ specPath: spec, overlay: new Map([[id, 'x\n9\n'], [unsaved, 'y\n']]) });
    expect(files.read('data/iris.csv')).toEqual({ kind: 'text', text: 'x\n9\n', id });
    expect(files.read('new.csv')).toEqual({ kind: 'text', text: 'y\n', id: unsaved });
  });

  it('holds editor text to the limit by its UTF-8 length', () => {
    const id = join(folder, 'wide.csv');
    const fits = 'é'.repeat(MAX_DATA_FILE_BYTES / 2);
    expect(nodeDataFiles({ specPath: spec, overlay: new Map([[id, fits]]) }).read('wide.csv').kind).toBe('text');
    const result = nodeDataFiles({ specPath: spec, overlay: new Map([[id, fits + 'é']]) }).read('wide.csv');
    expect(message(result)).toBe(`\`wide.csv\` is ${MAX_DATA_FILE_BYTES + 2} bytes; data files may be at most 64 MiB`);
  });

  it('cannot find a relative path for an unsaved spec, but reads an absolute one', () => {
    const files = nodeDataFiles({ specPath: null });
    expect(files.read('iris.csv')).toEqual({
      kind: 'problem',
      id: null,
      message: "cannot read `iris.csv`: a data file is found relative to the spec's folder, and this spec is not saved in one",
    });
    expect(files.read(join(folder, 'data', 'iris.csv'))).toMatchObject({ kind: 'text', text: 'a,b\n1,2\n' });
  });

  it('never throws, whatever the path', () => {
    for (const path of ['', '.', '\0', 'a\0b.csv', '/', 'x'.repeat(5000)]) {
      expect(() => read(path), JSON.stringify(path.slice(0, 10))).not.toThrow();
      expect(read(path).kind).toBe('problem');
    }
  });
});

describe('firstInvalidByte', () => {
  it('agrees with TextDecoder on every short byte string that matters', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array): boolean => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (const a of interesting) for (const b of interesting) for (const c of interesting) for (const d of [0x80, 0xbf, 0x41]) {
      const bytes = Uint8Array.from([0x41, a, b, c, d]);
      const at = firstInvalidByte(bytes);
      expect(at < 0, bytes.join(',')).toBe(valid(bytes));
      if (at >= 0) expect(valid(bytes.subarray(0, at)), bytes.join(',')).toBe(true);
    }
  });
});
