import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { MAX_DATA_FILE_BYTES, type DataFileRead, type DataFiles } from '../core/data/files';

/**
 * The DataFiles of a Node host (the CLI and the extension's analysis worker): reads the data
 * files a spec names from disk, or from the editor's unsaved text laid over it.
 *
 * The parser calls `read` synchronously, so it must never block and never read unbounded data:
 * anything but a regular file (a folder, a named pipe, a socket, a device such as /dev/zero) is
 * refused from its stat before it is opened, and so is a file over MAX_DATA_FILE_BYTES.
 */
export interface NodeDataFilesOptions {
  /** The spec's own path; relative data paths are found from its folder. Null for an unsaved spec. */
  readonly specPath: string | null;
  /**
   * Text of files open (perhaps unsaved) in the editor, keyed by absolute path (the `id` of a
   * read, as path.resolve gives it). Read in place of the disk.
   */
  readonly overlay?: ReadonlyMap<string, string>;
}

const LIMIT_TEXT = `${MAX_DATA_FILE_BYTES / 2 ** 20} MiB`;

/** Makes the DataFiles of a spec at `options.specPath`. Its `read` never throws. */
export function nodeDataFiles(options: NodeDataFilesOptions): DataFiles {
  return {
    read(path) {
      if (!isAbsolute(path) && options.specPath === null) {
        return problem(null, `cannot read \`${path}\`: a data file is found relative to the spec's folder, and this spec is not saved in one`);
      }
      let id: string | null = null;
      try {
        id = options.specPath === null ? resolve(path) : resolve(dirname(options.specPath), path);
        const open = options.overlay?.get(id);
        return open === undefined ? readFromDisk(path, id) : readFromOverlay(path, id, open);
      } catch (error) {
        return problem(id, `cannot read \`${path}\`: ${plainWords(error)}`);
      }
    },
  };
}

function readFromOverlay(path: string, id: string, text: string): DataFileRead {
  // The exact UTF-8 length (Buffer.byteLength), measured only when it could matter: a UTF-16
  // code unit takes at most 3 bytes of UTF-8, so a string of up to limit/3 units always fits.
  if (text.length * 3 > MAX_DATA_FILE_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DATA_FILE_BYTES) return tooBig(path, id, bytes);
  }
  return { kind: 'text', text, id };
}

function readFromDisk(path: string, id: string): DataFileRead {
  let stats: Stats;
  try {
    stats = statSync(id); // follows symbolic links: what matters is what would be opened
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return problem(id, `cannot find \`${path}\` (looked for ${id})`);
    throw error;
  }
  const refused = refuse(path, id, stats);
  if (refused) return refused;

  // O_NONBLOCK: if the file is swapped for a named pipe between stat and open, the open returns
  // at once instead of waiting for a writer. O_NOCTTY: a swapped-in terminal is not adopted.
  // Both are 0 where the platform lacks them (Windows).
  const fd = openSync(id, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    // Check again what was opened, for the same race; from here on the descriptor is the file.
    const opened = fstatSync(fd);
    const refusedNow = refuse(path, id, opened);
    if (refusedNow) return refusedNow;

    // Read to the end, but never more than limit + 1 bytes: the file may grow after the fstat.
    let buffer = Buffer.allocUnsafe(Math.min(opened.size, MAX_DATA_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_DATA_FILE_BYTES) return tooBig(path, id, null);
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_DATA_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const count = readSync(fd, buffer, length, buffer.length - length, length);
      if (count === 0) break;
      length += count;
    }
    return decode(path, id, buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/** A problem when `stats` is not a regular file of at most the limit, else null. */
function refuse(path: string, id: string, stats: Stats): DataFileRead | null {
  if (stats.isFile()) return stats.size > MAX_DATA_FILE_BYTES ? tooBig(path, id, stats.size) : null;
  // stat follows symbolic links, so what is left after these is a character or block device.
  const what = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device';
  return problem(id, `\`${path}\` is ${what}, not a regular file; a data file must be a regular CSV file`);
}

/** `bytes` null: the file grew past the limit while it was read. */
function tooBig(path: string, id: string, bytes: number | null): DataFileRead {
  // One decimal of MiB, unless that would round down to the limit itself ("64.0 MiB").
  const mib = bytes === null ? '' : (bytes / 2 ** 20).toFixed(1);
  const size = bytes === null ? `more than ${LIMIT_TEXT}` : Number(mib) * 2 ** 20 > MAX_DATA_FILE_BYTES ? `${mib} MiB` : `${bytes} bytes`;
  return problem(id, `\`${path}\` is ${size}; data files may be at most ${LIMIT_TEXT}`);
}

function decode(path: string, id: string, bytes: Uint8Array): DataFileRead {
  try {
    // ignoreBOM keeps a byte-order mark in the text: the CSV reader skips it itself.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), id };
  } catch {
    const at = firstInvalidByte(bytes);
    const where = at < 0 ? '' : ` (byte ${at + 1}, on line ${lineOf(bytes, at)}, is not valid UTF-8)`;
    return problem(id, `\`${path}\` is not UTF-8 text${where}; save it as UTF-8`);
  }
}

/**
 * The offset of the start of the first ill-formed UTF-8 sequence in `bytes`, or -1. Run only
 * after TextDecoder has failed, so its cost falls on files that are wrong anyway.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The range of the second byte excludes overlong forms, surrogates and code points > U+10FFFF.
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) more = 1;
    else if (lead >= 0xe0 && lead <= 0xef) [more, low, high] = [2, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf];
    else if (lead >= 0xf0 && lead <= 0xf4) [more, low, high] = [3, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf];
    else return i;
    if (i + more >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= more; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

/** The 1-based line on which byte `offset` stands. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function problem(id: string | null, message: string): DataFileRead {
  return { kind: 'problem', message, id };
}

function errorCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Node error codes in plain words, for the end of "cannot read `PATH`: …". */
const PLAIN_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'part of its path is not a folder',
  ELOOP: 'its symbolic links go round in a loop',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'its path is too long',
  ERR_INVALID_ARG_VALUE: 'it is not a valid path', // a NUL character in it
};

function plainWords(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) return PLAIN_WORDS[code] ?? `error ${code}`;
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}
