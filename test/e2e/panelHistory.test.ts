/**
 * A learner works from the panel alone, with its own keys: after Apply Gradient Step, Ctrl+Z
 * pressed in the panel takes the step back in the spec and Ctrl+Shift+Z puts it back; Home
 * (Reset) goes to before the first step, and pressing it again, or `]` (Next Example) on a
 * one-example spec, says why nothing happened instead of doing nothing in silence.
 */
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { EditorLine } from './harness/editor';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

/**
 * Waits until the spec's editor, beside the panel, shows a line matching `pattern`, and returns
 * its lines. It is read where it stands, as a person reads it while the panel keeps the keyboard:
 * the extension hands the focus back to the panel after an Undo or Redo pressed there.
 */
function specShows(session: LearnerSession, pattern: RegExp, what: string): Promise<EditorLine[]> {
  return session.waitUntil(async () => {
    const lines = await session.fileLines('mazur.nnet');
    return lines.some((l) => pattern.test(l.text)) && lines;
  }, what);
}

learnerSuite('Undo, Reset and messages from the panel', (step) => {
  let panel: FrameLocator;

  step('opens the panel on the worked example, edits the spec, and applies one gradient step', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    // An edit of the person's own before Apply: one Ctrl+Z in the panel must take back the Apply only.
    await session.typeAt(1, 3, 'NOTE ');
    await specShows(session, /^# NOTE A 2-2-2/, 'the typed note');
    await session.runCommand('Backprop: Open Panel');
    panel = session.webviewFrame();
    await panel.locator('.title').waitFor({ timeout: 30_000 });
    await session.focusEditor();
    await session.runCommand('Backprop: Apply Gradient Step');
    await specShows(session, /^\s*w 0\.149781\b/, 'the spec reads w 0.149781 (applyDigits 6)');
  });

  step('Ctrl+Z in the panel undoes the step in the spec; Ctrl+Shift+Z redoes it', async (session) => {
    // The panel shows z⁽¹⁾₁ from the spec's numbers: 0.3775 as written, 0.373059 after the step.
    const panelShows = (value: string) => session.waitUntil(async () => (await panel.locator('.step').innerText()).includes(value), `the panel shows z⁽¹⁾₁ = ${value}`);
    await panel.locator('.title').click();
    await session.press('Control+Z');
    await panelShows('0.3775');
    const undone = await specShows(session, /^\s*w 0\.15\b/, 'Ctrl+Z in the panel brings back w 0.15');
    assert.ok(undone.some((l) => /^# NOTE A 2-2-2/.test(l.text)), 'one Undo: the edit before Apply is kept');
    await panel.locator('.title').click();
    await session.press('Control+Shift+Z');
    await panelShows('0.373059');
    await specShows(session, /^\s*w 0\.149781\b/, 'Ctrl+Shift+Z in the panel applies the step again');
    await panel.locator('.title').click();
    await session.press('Control+Z');
    await panelShows('0.3775');
    await specShows(session, /^\s*w 0\.15\b/, 'and Ctrl+Z takes it back again');
  });

  step('Home goes to before the first step; pressed again, and ] with one example, it says why nothing moved', async (session) => {
    await panel.locator('.title').click();
    await session.press('Home');
    await session.waitUntil(async () => /^before step 1 of 45/.test(await panel.locator('.position').innerText()), 'the panel is before the first step');
    await session.press('Home');
    await session.waitUntil(async () => (await session.notifications()).some((n) => n.includes('Already before the first step')), 'a message says nothing is computed yet');
    await panel.locator('.title').click();
    await session.press(']');
    const all = await session.waitUntil(async () => {
      const shown = await session.notifications();
      return shown.some((n) => n.includes('has only one example')) && shown;
    }, 'a message says the spec has only one example');
    assert.ok(all.every((n) => !/error/i.test(n)), all.join('\n'));
    await session.screenshot('messages from the panel');
  });
});
