/**
 * A learner new to the extension opens its Get Started walkthrough from the command palette
 * (Welcome: Open Walkthrough…) and clicks the button of each step, as it is drawn on the Welcome
 * page: the 2-2-2 example opens beside the walkthrough, read-only, from the installed extension's
 * folder; the hover of w⁽²⁾₁₁ shows its gradient; the stepping panel opens and steps; a debug
 * session starts; the Training panel trains; the export asks for its format; and each step is
 * ticked off once its button has run.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { panelPosition } from './harness/panel';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';
import { openQuickInput, QUICK_INPUT } from './harness/quickInput';


/** The step's row in the walkthrough's list (its id ends `#stepId`). */
const stepRow = (session: LearnerSession, id: string): Locator => session.page.locator(`.getting-started-step[data-step-id$="#${id}"]`);

/**
 * Expands a step (a click on its title) and clicks its button labelled `label`. The Welcome page
 * focuses an expanded step's title once it has expanded (at once here: the e2e settings turn off
 * its animation, scripts/code-server/launch.mjs); the button is clicked only after that, as a
 * person's second click comes later, so the focus that the button's command gives an editor is
 * not taken back by the page (an Escape meant for the editor's hover would then take the page
 * back to its list of walkthroughs).
 */
async function clickStepButton(session: LearnerSession, id: string, label: string): Promise<void> {
  const row = stepRow(session, id);
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await row.click();
    await session.waitUntil(() => row.evaluate((element) => element === element.ownerDocument.activeElement), `step ${id} has the focus`);
  }
  await session.waitUntil(async () => (await row.getAttribute('aria-expanded')) === 'true', `step ${id} is expanded`);
  await row.locator('.monaco-button', { hasText: label }).first().click();
}

/** Waits until the quick input's first row holds `text` (the list has filtered), then Enter, as a person would. */
async function chooseFirstRow(session: LearnerSession, text: string): Promise<void> {
  const first = session.page.locator(`${QUICK_INPUT} .monaco-list-row[data-index="0"]`);
  await session.waitUntil(async () => (await first.count()) > 0 && (await first.innerText()).includes(text), `the first row offers ${text}`);
  await session.page.keyboard.press('Enter');
}

/** Waits until the step shows as done (its check mark is filled in). */
function waitDone(session: LearnerSession, id: string): Promise<boolean> {
  return session.waitUntil(async () => (await stepRow(session, id).locator('.codicon.complete').count()) > 0, `step ${id} is ticked off`);
}

learnerSuite('Get Started walkthrough', (step) => {
  step('the walkthrough opens from the command palette and lists its six steps', async (session) => {
    await openQuickInput(session.page, 'Control+Shift+P');
    await session.page.keyboard.type('Welcome: Open Walkthrough');
    await chooseFirstRow(session, 'Open Walkthrough');
    await session.page.keyboard.type('Get Started with Backprop Stepper');
    await chooseFirstRow(session, 'Get Started with Backprop Stepper');
    const titles = ['Open a network', 'Hover a weight', 'Open the panel and step', 'Debug with F5', 'Train the network', 'Export a worked solution'];
    for (const title of titles) await session.page.locator('.getting-started-step', { hasText: title }).first().waitFor();
    await session.screenshot('walkthrough');
  });

  step('“Open the 2-2-2 example” opens mazur.nnet beside the walkthrough, read-only', async (session) => {
    await clickStepButton(session, 'openExample', 'Open the 2-2-2 example');
    await session.page.locator('.part.editor .tab', { hasText: 'mazur.nnet' }).first().waitFor();
    assert.ok((await session.page.locator('.part.editor .tab', { hasText: /Walkthrough|Welcome/ }).count()) > 0, 'the walkthrough stays open');
    // Read-only: a key typed into the editor changes nothing.
    const first = (await session.editorLines())[0]?.sourceText;
    assert.match(first ?? '', /^# A 2-2-2 sigmoid network/);
    await session.typeAt(1, 1, 'x');
    await session.page.waitForTimeout(300);
    assert.equal((await session.editorLines())[0]?.sourceText, first, 'typing into the shipped example changes nothing');
    await waitDone(session, 'openExample');
    await session.screenshot('example opened');
  });

  step('“Hover a weight” shows the hover of w⁽²⁾₁₁ with its gradient', async (session) => {
    await clickStepButton(session, 'hoverWeight', 'Hover a weight');
    const hover = session.page.locator('.monaco-hover:visible').first();
    const text = await session.waitUntil(async () => {
      const shown = (await hover.count()) > 0 ? await hover.innerText() : '';
      return /w⁽²⁾₁₁/.test(shown) && shown;
    }, 'the hover of w⁽²⁾₁₁');
    assert.match(text, /0\.082167/);
    await waitDone(session, 'hoverWeight');
    await session.screenshot('weight hovered');
    await session.page.keyboard.press('Escape');
  });

  step('“Open the panel and step” opens the panel and takes one step, z⁽¹⁾₁ to a⁽¹⁾₁', async (session) => {
    await clickStepButton(session, 'openPanelAndStep', 'Open the panel and step');
    const panel = await session.webviewFrameWith('.position');
    // A fresh spec starts at its first quantity, z⁽¹⁾₁ (step 1); the button's Step computes a⁽¹⁾₁.
    await session.waitUntil(async () => (await panelPosition(panel)).step === 2, 'the panel at step 2');
    await session.screenshot('panel stepped');
    await waitDone(session, 'openPanelAndStep');
  });

  step('“Start debugging” starts a debug session', async (session) => {
    await clickStepButton(session, 'debug', 'Start debugging');
    const toolbar = session.page.locator('.debug-toolbar');
    await toolbar.waitFor();
    await waitDone(session, 'debug');
    await session.screenshot('debugging');
    await toolbar.locator('.action-item .codicon-debug-stop').first().click();
    await toolbar.waitFor({ state: 'hidden' });
  });

  step('“Train the network” opens the Training panel', async (session) => {
    await clickStepButton(session, 'train', 'Train the network');
    await session.webviewFrameWith('#training', undefined, 60_000);
    await waitDone(session, 'train');
    await session.screenshot('training');
  });

  step('“Export a worked solution” asks for the format of the export', async (session) => {
    await clickStepButton(session, 'exportSolution', 'Export a worked solution');
    const rows = session.page.locator(`${QUICK_INPUT} .monaco-list-row`);
    await session.waitUntil(async () => (await rows.allInnerTexts()).some((text) => /Markdown/.test(text)), 'the export offers Markdown');
    await waitDone(session, 'exportSolution');
    await session.screenshot('export');
    await session.page.keyboard.press('Escape');
    await session.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  });
});
