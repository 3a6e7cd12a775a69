import type { CliIO } from './command';

/**
 * Writes long output — every step of a two-million-parameter trace, its sums term by term, the
 * JSON of thousands of examples — as it is made: pieces are gathered into chunks of about
 * CHUNK_CHARS and each chunk is written at once, so neither the whole text nor millions of tiny
 * writes ever happen, and a slow reader at the other end of a pipe holds the writer back
 * (CliIO.drained) instead of the text piling up in memory.
 */

/** About how many characters one write carries. */
export const CHUNK_CHARS = 1 << 16;

/** Writes `pieces` (each one or more whole lines, joined by line breaks) as lines of standard output. */
export async function writeStreamed(io: CliIO, pieces: Iterable<string>): Promise<void> {
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    chunk.push(piece);
    size += piece.length + 1;
    if (size < CHUNK_CHARS) continue;
    io.out(chunk.join('\n'));
    [chunk, size] = [[], 0];
    const waiting = io.drained?.();
    if (waiting) await waiting;
  }
  if (chunk.length > 0) io.out(chunk.join('\n'));
}
