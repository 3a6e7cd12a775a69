/**
 * The panel as a learner drives it from the keyboard: read where the stepping is, and step one
 * key press at a time until a position is reached. Each press waits for the panel to show the
 * next position before the next press, so a slow machine never overshoots.
 */
import type { FrameLocator } from 'playwright-core';
import type { LearnerSession } from './session';

export interface PanelPosition {
  readonly text: string;
  /** 1-based step shown, 0 before the first step. */
  readonly step: number;
  readonly count: number;
}

const STEP = /^step (\d+) of (\d+)/;

export async function panelPosition(panel: FrameLocator): Promise<PanelPosition> {
  const text = (await panel.locator('.position').innerText()).trim();
  const at = STEP.exec(text);
  return { text, step: at ? Number(at[1]) : 0, count: at ? Number(at[2]) : 0 };
}

/** Presses `key` in the spec's editor once and waits until the panel's position line changes. */
export async function pressAndWait(session: LearnerSession, panel: FrameLocator, key: string): Promise<PanelPosition> {
  const before = (await panelPosition(panel)).text;
  await session.press(key);
  return session.waitUntil(async () => {
    const now = await panelPosition(panel);
    return now.text !== before && now;
  }, `the panel moves on from "${before}" after ${key}`);
}

/** Steps (Ctrl+Alt+→ or ←) one quantity at a time until the panel shows step `target`. */
export async function stepTo(session: LearnerSession, panel: FrameLocator, target: number): Promise<PanelPosition> {
  await session.focusEditor();
  let now = await panelPosition(panel);
  while (now.step !== target) now = await pressAndWait(session, panel, now.step < target ? 'Control+Alt+ArrowRight' : 'Control+Alt+ArrowLeft');
  return now;
}

/** Steps whole layers forward (Ctrl+Alt+Shift+→) until the position line matches `pattern`. */
export async function stepLayersUntil(session: LearnerSession, panel: FrameLocator, pattern: RegExp): Promise<PanelPosition> {
  await session.focusEditor();
  let now = await panelPosition(panel);
  for (let presses = 0; !pattern.test(now.text); presses++) {
    if (presses > 50) throw new Error(`stepping by layers never reached ${pattern}; last: ${now.text}`);
    now = await pressAndWait(session, panel, 'Control+Alt+Shift+ArrowRight');
  }
  return now;
}
