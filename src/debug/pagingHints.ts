/**
 * Paging of the Variables view. The runtime pages a container's children by (start, count) over
 * its named children followed by its indexed ones; a client may instead ask for `filter: 'named'`
 * or `filter: 'indexed'` (with start and count counted within the indexed ones), as VS Code does
 * for a 784-wide layer. The session notes how many of each every container it handed out has
 * (from the scopes and variables it answered) and turns a filtered request into the runtime's
 * range. References live until the next stop, and so do these notes.
 */
export class PagingHints {
  private readonly counts = new Map<number, { named: number; indexed: number }>();

  /** Remembers a container's counts, if it is one. */
  note(container: { variablesReference: number; namedVariables?: number; indexedVariables?: number }): void {
    if (container.variablesReference > 0)
      this.counts.set(container.variablesReference, { named: container.namedVariables ?? 0, indexed: container.indexedVariables ?? 0 });
  }

  clear(): void {
    this.counts.clear();
  }

  /**
   * The runtime's (start, count) for a request; count undefined means all the rest. Null when the
   * filter asks for a kind of child the container has none of.
   */
  page(reference: number, filter: 'named' | 'indexed' | undefined, start?: number, count?: number): { start: number; count?: number } | null {
    const all = count ? count : undefined; // 0 or missing: every child
    const known = this.counts.get(reference);
    if (filter === undefined || known === undefined) return { start: start ?? 0, count: all };
    if (filter === 'named') return known.named === 0 ? null : { start: 0, count: known.named };
    if (known.indexed === 0) return null;
    const from = start ?? 0;
    return { start: known.named + from, count: Math.min(all ?? known.indexed - from, known.indexed - from) };
  }
}
