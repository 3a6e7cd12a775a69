import type { ExampleSource } from '../model/source';

/**
 * Where example i came from, as a few words a person can find it by: the panel's header, the
 * Go to Example list and anything else that names an example beside its number.
 *
 *   `example x … y …` line   →  "line 14"                    (1-based line of its `example` line)
 *   `data moons 120`          →  "moons, point 3 of 120"
 *   `data "iris.csv" …`       →  "iris.csv, row 12 (line 13)" (data row, header not counted;
 *                                                               the file's 1-based line)
 *
 * The CSV path is kept as the spec writes it, so it reads like the `data` line and filters
 * like it; the row is what a table viewer counts and the line what an editor shows, and the
 * two differ by the header and by quoted fields that span lines, so both are given.
 */
export function exampleOriginText(source: ExampleSource): string {
  const origin = source.origin;
  if (!origin) return `line ${source.line.start.line + 1}`;
  if (origin.kind === 'generated') return `${origin.name}, point ${origin.index} of ${origin.count}`;
  // A row of 0 would mean the reader could not place it: name the file alone rather than a false row.
  if (!(origin.row >= 1)) return origin.name;
  return `${origin.name}, row ${origin.row} (line ${origin.line + 1})`;
}
