/**
 * The panel survives: hidden behind another tab it comes back on the same step, and after a
 * window reload VS Code restores it (WebviewPanelSerializer + the page's saved state) on the same
 * spec, example and step — without retainContextWhenHidden.
 */
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

const AT_DELTA = /^step 12 of 45 · backward pass · layer 2$/;

async function position(session: LearnerSession, panel: FrameLocator, pattern: RegExp): Promise<void> {
  await session.waitUntil(async () => pattern.test(await panel.locator('.position').innerText()), `the panel's position line matches ${pattern}`, 30_000);
}

learnerSuite('The panel survives hiding and reloading', (step) => {
  const panelTab = (session: LearnerSession) => session.page.locator('.part.editor .tab', { hasText: 'Backprop · mazur.nnet' });

  step('opens the panel and steps to δ⁽²⁾₁', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await session.runCommand('Backprop: Open Panel');
    await position(session, session.webviewFrame(), /^step 1 of 45/);
    await session.focusEditor();
    for (let i = 0; i < 11; i++) await session.press('Control+Alt+ArrowRight');
    await position(session, session.webviewFrame(), AT_DELTA);
  });

  step('hidden behind another tab and shown again, it is on the same step', async (session) => {
    await panelTab(session).click();
    await session.press('Control+2'); // the panel's group: the Explorer opens the spec there, over the panel
    await session.openFile('mazur.nnet');
    // Without retainContextWhenHidden, VS Code discards a hidden webview's page.
    const ours = session.page.locator('iframe.webview.ready[src*="extensionId=backprop-stepper"]');
    await session.waitUntil(async () => (await ours.count()) === 0, 'the hidden panel’s page is discarded');
    await panelTab(session).click();
    await position(session, session.webviewFrame(), AT_DELTA);
  });

  step('after a window reload the panel is restored on the same spec and step', async (session) => {
    // Reload the way a learner does: the command shuts the window down properly, saving which
    // tab each group shows, before the page loads again.
    const reloaded = session.page.waitForEvent('load', { timeout: 60_000 });
    await session.runCommand('Developer: Reload Window');
    await reloaded;
    await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The panel was the visible tab of its group, so the workbench restores it on its own; a
    // click while editors are still being restored would cancel that restore.
    await panelTab(session).waitFor({ timeout: 60_000 });
    const panel = session.webviewFrame();
    await position(session, panel, AT_DELTA);
    assert.match(await panel.locator('.step').innerText(), /0\.138499/);
    assert.equal(await panel.locator('.file').innerText(), 'mazur.nnet');
    await session.screenshot('restored after reload');
  });
});
