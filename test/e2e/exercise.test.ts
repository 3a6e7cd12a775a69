/**
 * A learner practises the backward pass of the worked example's output layer in exercise mode,
 * with the keyboard only: Backprop: Start Exercise, a scope picked from the list, then answers
 * typed into the panel's answer box and checked with Enter. The first answer is right and the
 * panel steps on (the value appears in its table); a hint reveals σ′'s one factor; δ⁽²⁾₁ answered
 * without σ′ gets feedback naming that mistake; the right answer then goes through, and End
 * exercise shows the summary. The asked value never shows before it is answered.
 */
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';
import { openQuickInput, QUICK_INPUT } from './harness/quickInput';


async function waitForText(session: LearnerSession, panel: FrameLocator, selector: string, pattern: RegExp): Promise<string> {
  return session.waitUntil(async () => {
    const text = (await panel.locator(selector).innerText()).trim();
    return pattern.test(text) && text;
  }, `${selector} reads ${pattern}`);
}

/** Types into the answer box (it has the focus while a step is asked) and presses Enter. */
async function answer(session: LearnerSession, panel: FrameLocator, text: string): Promise<void> {
  const input = panel.locator('#exercise-answer');
  await session.waitUntil(() => input.evaluate((el) => el === document.activeElement && document.hasFocus()), 'the answer box has the focus');
  await session.page.keyboard.type(text);
  await session.press('Enter');
}

learnerSuite('Exercise mode', (step) => {
  let panel: FrameLocator;

  step('Backprop: Start Exercise offers what to practise, and asks the first step', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await openQuickInput(session.page, 'Control+Shift+P');
    await session.page.keyboard.type('Backprop: Start Exercise');
    await session.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'Backprop: Start Exercise' }).first().waitFor();
    await session.press('Enter');
    const scope = session.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'Backward pass, layer 2' });
    await scope.first().waitFor();
    assert.match(await scope.first().innerText(), /12 answers/);
    await session.page.keyboard.type('Backward pass, layer 2');
    await session.press('Enter');
    panel = await session.webviewFrameWith('.exercise-progress');
    await waitForText(session, panel, '.exercise-progress', /^Exercise · Backward pass, layer 2 · step 1 of 12$/);
    assert.match(await panel.locator('.position').innerText(), /^step 10 of 45 · backward pass · layer 2$/);
    assert.match(await panel.locator('.exercise-label').innerText(), /∂cᵢ\/∂a⁽²⁾₁, to 6 significant digits/);
    assert.equal(await panel.locator('.toolbar').isVisible(), false, 'the stepping buttons rest while a step is asked');
    assert.doesNotMatch(await panel.locator('.step').innerText(), /0\.741365/, 'the asked value is not shown');
    assert.equal(await panel.locator('td[data-ref="dcda:2:1:0"]').innerText(), '', 'nor is it in the table');
    await session.screenshot('question');
  });

  step('a right answer is accepted and steps on', async (session) => {
    await answer(session, panel, '0.741365');
    await waitForText(session, panel, '.exercise-progress', /step 2 of 12$/);
    assert.match(await panel.locator('.exercise-feedback').innerText(), /Right\.\s+∂cᵢ\/∂a⁽²⁾₁ = 0\.741365, first time\./);
    assert.equal(await panel.locator('.exercise-feedback').getAttribute('aria-live'), 'polite');
    assert.equal(await panel.locator('td[data-ref="dcda:2:1:0"]').innerText(), '0.741365');
  });

  step('a hint reveals a factor of the formula', async (session) => {
    await panel.locator('button[data-exercise="hint"]').press('Enter');
    await waitForText(session, panel, '.exercise-feedback', /Hint 1 of 1\.\s+Factor 1: a⁽²⁾₁ = 0\.751365\./);
    assert.match(await panel.locator('.step .factors').innerText(), /a⁽²⁾₁ = 0\.751365/);
    await panel.locator('#exercise-answer').focus();
    await answer(session, panel, '0,186816');
    await waitForText(session, panel, '.exercise-progress', /step 3 of 12$/);
  });

  step('a wrong answer that leaves σ′ out is named as that mistake', async (session) => {
    await answer(session, panel, '0.741365');
    const feedback = await waitForText(session, panel, '.exercise-feedback', /^✗/);
    assert.match(feedback, /Likely mistake\.\s+0\.741365 is not δ⁽²⁾₁\. σ′\(z⁽²⁾₁\) left out/);
    assert.match(await panel.locator('.exercise-progress').innerText(), /step 3 of 12$/, 'the step is asked again');
    await session.screenshot('named mistake');
    await answer(session, panel, '0.138499');
    await waitForText(session, panel, '.exercise-feedback', /Right\.\s+δ⁽²⁾₁ = 0\.138499, after one wrong answer\./);
  });

  step('End exercise shows the summary, and the stepping controls come back', async (session) => {
    await panel.locator('button[data-exercise="end"]').press('Enter');
    await waitForText(session, panel, '.exercise-summary-title', /^Exercise finished: Backward pass, layer 2$/);
    const summary = await panel.locator('.exercise-summary').innerText();
    for (const line of ['Right first time: 2 of 12', 'Right after a retry: 1 of 12', 'Revealed: 0 of 12', 'Not reached: 9 of 12', 'Hints used: 1']) assert.ok(summary.includes(line), `the summary says "${line}": ${summary}`);
    assert.match(summary, /To look at again: δ⁽²⁾₁ \(after one wrong answer\)/);
    await session.waitUntil(
      () =>
        panel.locator('.exercise-summary-title').evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight && el === document.activeElement;
        }),
      'the summary is scrolled into view and its heading has the focus',
    );
    assert.equal(await panel.locator('.toolbar').isVisible(), true);
    assert.match(await panel.locator('.position').innerText(), /^step 12 of 45/);
    await session.screenshot('summary');
    await panel.locator('button[data-exercise="close"]').press('Enter');
    await session.waitUntil(async () => !(await panel.locator('.exercise-summary').isVisible()), 'the summary closes');
  });
});
