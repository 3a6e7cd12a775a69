import { setPriority } from 'node:os';

/**
 * Lowers the calling worker thread's priority, so that background work (an analysis, a training
 * run) yields to the editor. On Linux a thread has its own nice value, so this lowers this thread
 * alone; elsewhere it would lower the whole extension host, so it is left alone there.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(19);
  } catch {
    // Not allowed here (a sandbox, say): the work runs at the normal priority.
  }
}
