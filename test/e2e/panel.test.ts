/**
 * A learner opens the Backprop Stepper panel on the worked example and walks to δ⁽²⁾₁, seeing
 * the chain-rule product written out with its numbers: δ⁽²⁾₁ = 0.741365 × 0.186816 = 0.138499.
 * Step Back returns to σ′(z⁽²⁾₁); KaTeX is rendered with its own fonts inside the webview (whose
 * CSP the suite checks for violations); a spec error replaces the numbers by the problem, and
 * fixing it brings the same step back; Apply Gradient Step rewrites the weights and one Undo
 * restores them.
 */
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

const stepText = (panel: FrameLocator) => panel.locator('.step').innerText();
const positionText = (panel: FrameLocator) => panel.locator('.position').innerText();

async function waitForPosition(session: LearnerSession, panel: FrameLocator, pattern: RegExp): Promise<string> {
  return session.waitUntil(async () => {
    const text = await positionText(panel);
    return pattern.test(text) && text;
  }, `the panel's position line matches ${pattern}`);
}

learnerSuite('Stepping through backprop in the panel', (step) => {
  let panel: FrameLocator;

  step('Backprop: Open Panel shows the example network beside the spec', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await session.runCommand('Backprop: Open Panel');
    panel = session.webviewFrame();
    await panel.locator('.title').waitFor({ timeout: 30_000 });
    assert.equal(await panel.locator('.title').innerText(), 'Step-by-step backpropagation');
    await waitForPosition(session, panel, /^step 1 of 45 · forward pass · layer 1$/);
    assert.match(await stepText(panel), /0\.3775/);
    assert.equal(await panel.locator('svg.diagram .neuron').count(), 6);
  });

  step('stepping with the keyboard and the panel’s button reaches δ⁽²⁾₁ = 0.138499', async (session) => {
    await session.focusEditor();
    for (let i = 0; i < 8; i++) await session.press('Control+Alt+ArrowRight');
    await waitForPosition(session, panel, /^step 9 of 45 · cost$/);
    for (let i = 0; i < 3; i++) await panel.locator('button[data-action="step"]').click();
    await waitForPosition(session, panel, /^step 12 of 45 · backward pass · layer 2$/);
    const text = await stepText(panel);
    assert.match(text, /0\.741365/);
    assert.match(text, /0\.186816/);
    assert.match(text, /0\.138499/);
    const current = panel.locator('td.is-current');
    assert.equal(await current.innerText(), '0.138499');
    assert.equal(await current.getAttribute('data-ref'), 'delta:2:1:0');
    assert.equal(await panel.locator('td[data-ref="delta:2:2:0"]').innerText(), '', 'δ⁽²⁾₂ is not computed yet: its cell is empty');
    assert.match(await panel.locator('.step-announcement[aria-live="polite"]').innerText(), /= 0\.741365 × 0\.186816 = 0\.138499$/);
    await session.screenshot('delta 2 1');
  });

  step('KaTeX is rendered in the panel with its own fonts', async (session) => {
    assert.ok((await panel.locator('.step .katex').count()) >= 3, 'the step is typeset by KaTeX');
    const fonts = await session.waitUntil(
      () =>
        panel.locator('body').evaluate(async () => {
          await document.fonts.ready;
          const loaded: string[] = [];
          document.fonts.forEach((f) => {
            if (f.status === 'loaded') loaded.push(f.family.replace(/"/g, ''));
          });
          return loaded.includes('KaTeX_Main') && loaded.includes('KaTeX_Math') && loaded;
        }),
      'the KaTeX_Main and KaTeX_Math fonts have loaded inside the webview',
    );
    assert.ok(fonts.length >= 2);
    const coloured = await panel.locator('.step-line .katex-html').first().evaluate((el) =>
      Array.from(el.querySelectorAll<HTMLElement>('[style*="color"]')).map((e) => e.style.color).filter(Boolean),
    );
    assert.ok(coloured.length > 0, 'the factors of the formula are coloured');
  });

  step('hovering a factor explains it; clicking an edge selects its weight in the spec', async (session) => {
    await panel.locator('li.factor[data-ref="dcda:2:1:0"]').hover();
    const tip = panel.locator('.tooltip');
    await session.waitUntil(async () => /∂cᵢ\/∂a⁽²⁾₁ = \(a⁽²⁾₁ − yᵢ₁\)/.test(await tip.innerText()), 'the tooltip shows the formula ∂cᵢ/∂a⁽²⁾₁ came from');
    assert.match(await tip.innerText(), /∂cᵢ\/∂a⁽²⁾₁ = 0\.741365/);
    // A horizontal line has an empty bounding box height, which Playwright calls invisible.
    await panel.locator('line.edge[data-ref="w:2:1:1"]').click({ force: true });
    await session.waitUntil(async () => /Ln 12, Col 9 \(4 selected\)/.test(await session.statusBarText('status.editor.selection')), 'w⁽²⁾₁₁ (0.40 on line 12) is selected in the spec');
    await session.screenshot('tooltip and reveal');
  });

  step('Step Back returns to the previous quantity, σ′(z⁽²⁾₁)', async (session) => {
    await session.runCommand('Backprop: Step Back');
    await waitForPosition(session, panel, /^step 11 of 45 · backward pass · layer 2$/);
    assert.equal(await panel.locator('td.is-current').getAttribute('data-ref'), 'dadz:2:1:0');
    assert.equal(await panel.locator('td[data-ref="delta:2:1:0"]').innerText(), '', 'δ⁽²⁾₁ is empty again');
    await session.runCommand('Backprop: Step');
    await waitForPosition(session, panel, /^step 12 of 45/);
  });

  step('a spec error shows the problem instead of numbers; fixing it brings the same step back', async (session) => {
    await session.focusEditor();
    const layer2 = (await session.editorLines()).find((l) => /^layer 2:.*\bsigmoid\b/.test(l.text));
    assert.ok(layer2, 'mazur.nnet has a line `layer 2: … sigmoid`');
    await session.replaceAt(layer2.line, layer2.text.indexOf('sigmoid') + 1, 'sigmoid'.length, 'sigmod');
    await session.waitUntil(async () => (await panel.locator('.problems').isVisible()) && /sigmod/.test(await panel.locator('.problems').innerText()), 'the panel lists the problem about "sigmod"');
    assert.equal(await panel.locator('.numbers').isVisible(), false, 'no stale numbers are shown');
    assert.equal((await panel.locator('header .cost').innerText()).trim(), '', 'no stale cost in the header');
    assert.equal(await panel.locator('button[data-action="step"]').isVisible(), false, 'no stepping while the spec has errors');
    await session.screenshot('spec error');
    await session.focusEditor();
    await session.waitUntil(async () => {
      if (/^layer 2:.*\bsigmoid\b/.test((await session.editorLines()).find((l) => l.line === layer2.line)?.text ?? '')) return true;
      await session.press('Control+Z');
      return false;
    }, 'Undo restores `sigmoid`');
    await waitForPosition(session, panel, /^step 12 of 45 · backward pass · layer 2$/);
    assert.match(await stepText(panel), /0\.138499/);
    assert.match(await panel.locator('header .cost').innerText(), /cᵢ = 0\.298371/);
  });

  step('Apply Gradient Step rewrites every weight and bias; one Undo restores them', async (session) => {
    await session.runCommand('Backprop: Apply Gradient Step');
    await session.focusEditor();
    await session.waitUntil(async () => (await session.editorLines()).some((l) => /^\s*w 0\.149781\b/.test(l.text) && /\b0\.249751\b/.test(l.text)), 'w⁽¹⁾₁₁ reads 0.149781 in the spec (applyDigits 6)');
    // Inlay hints (∂c/∂w = …) are rendered between the numbers, so each number is matched alone.
    const lines = await session.editorLines();
    assert.ok(lines.some((l) => /# row k = neuron k of layer 0/.test(l.text)), 'comments are kept');
    await session.focusEditor();
    await session.press('Control+Z');
    await session.waitUntil(async () => (await session.editorLines()).some((l) => /^\s*w 0\.15\b/.test(l.text) && /\b0\.25\b/.test(l.text)), 'one Undo brings back w 0.15 0.25');
  });
});
