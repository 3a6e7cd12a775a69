import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DebugProtocol } from '@vscode/debugprotocol';

/**
 * What a session's `program` names: a spec file, by its absolute path, or a document that is
 * not a file, by its URI. The second kind exists inside VS Code only: a read-only copy of a spec
 * at some step of a training run (`backprop-training:/…/xor (training).nnet?…`) is debugged like
 * any spec, and its host (the editor) reads its text; `nnet dap` reads files, so it only ever
 * debugs the first kind.
 *
 * How the client is shown a URI program: VS Code opens a Source whose `path` is a URI string as
 * that very document (and sends the breakpoints set in it with that string as their path), so
 * stack frames open the copy that is already in the editor and breakpoints set in it bind. A
 * client that reads paths as file paths gets the text through a `sourceReference` instead (the
 * `source` request, answered with the text the session debugs).
 */

/** The sourceReference of the spec, for clients that cannot open its URI. Any number > 0 would do: the session has one source. */
export const SPEC_SOURCE_REFERENCE = 1;

/**
 * A URI with a scheme of two characters or more (`backprop-training:`, `file:`); one letter is a
 * Windows drive (`C:\…`). The same test VS Code applies to a Source's path.
 */
const URI_PATTERN = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

export function isDocumentUri(program: string): boolean {
  return URI_PATTERN.test(program);
}

/**
 * The program as the session keeps it: a file path made absolute (relative to the adapter's
 * working directory), a `file:` URI turned into its path, any other URI left as written; or a
 * sentence saying why it cannot be.
 */
export function normalProgram(program: string): string | { readonly error: string } {
  if (!isDocumentUri(program)) return resolve(program);
  if (!/^file:/i.test(program)) return program;
  try {
    return fileURLToPath(program);
  } catch (error) {
    return { error: `"program" is a file URI that names no file here (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Whether two programs are the same spec: paths compared as the platform compares them, URIs once decoded. */
export function sameProgram(a: string, b: string): boolean {
  const [uriA, uriB] = [isDocumentUri(a), isDocumentUri(b)];
  if (uriA !== uriB) {
    // A client may name a file by its `file:` URI.
    const [pathA, pathB] = [normalProgram(a), normalProgram(b)];
    return typeof pathA === 'string' && typeof pathB === 'string' && !isDocumentUri(pathA) && !isDocumentUri(pathB) && sameProgram(pathA, pathB);
  }
  if (uriA) return canonicalUri(a) === canonicalUri(b);
  const [x, y] = [resolve(a), resolve(b)];
  return process.platform === 'win32' || process.platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/** The program's file name, as people read it: `mazur.nnet`, `xor (training).nnet`. */
export function programName(program: string): string {
  if (!isDocumentUri(program)) return basename(program);
  const path = program.replace(/^[^:]*:/, '').replace(/^\/\/[^/]*/, '').split(/[?#]/)[0];
  return decoded(path.split('/').pop() ?? '') || program;
}

/**
 * The spec as a protocol Source. A file: its path, in the client's form (`clientPath`, the
 * session's convertDebuggerPathToClient). A URI: the URI itself as the path for a client that
 * opens URIs (VS Code, or one that asked for `pathFormat: "uri"`), else the sourceReference.
 */
export function programSource(program: string, opensUris: boolean, clientPath: (path: string) => string): DebugProtocol.Source {
  const name = programName(program);
  if (!isDocumentUri(program)) return { name, path: clientPath(program) };
  return opensUris ? { name, path: program } : { name, sourceReference: SPEC_SOURCE_REFERENCE };
}

/**
 * Whether a Source the client sent is the spec: by path (a file path or URI), or by the
 * sourceReference the session gave it.
 */
export function isProgramSource(program: string, source: DebugProtocol.Source | undefined): boolean {
  if (source === undefined) return false;
  if (source.sourceReference !== undefined && source.sourceReference > 0) return source.sourceReference === SPEC_SOURCE_REFERENCE && isDocumentUri(program);
  return source.path !== undefined && sameProgram(source.path, program);
}

/** The same URI however it was percent-encoded: VS Code and other clients encode differently. */
function canonicalUri(uri: string): string {
  const colon = uri.indexOf(':');
  return `${uri.slice(0, colon).toLowerCase()}${decoded(uri.slice(colon))}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
