/**
 * The panel follows the learner in a narrow window: on a 3-4-4-2 network in an 1100-px window,
 * stepping to δ⁽¹⁾₁ brings its cell fully into view (tables wrap rather than hide it), the
 * diagram's text stays readable and inside its circles. Then, with the keyboard only, the learner
 * tabs into a table and presses Enter, and the number is selected in the spec.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { e2eEnvironment } from './harness/environment';
import { panelPosition, stepLayersUntil, stepTo } from './harness/panel';
import { learnerSuite } from './harness/suite';

const AT_DELTA_1_1 = /^step 72 of 143 · backward pass · layer 1$/;

learnerSuite(
  'The panel follows the learner in a narrow window',
  (step) => {
    let panel: FrameLocator;

    step('opens deep.nnet in an 1100-px window and steps to δ⁽¹⁾₁', async (session) => {
      await session.page.setViewportSize({ width: 1100, height: 800 });
      await session.openFile('deep.nnet');
      await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
      await session.runCommand('Backprop: Open Panel');
      panel = session.webviewFrame();
      await panel.locator('.title').waitFor({ timeout: 30_000 });
      await session.waitUntil(async () => (await panelPosition(panel)).step === 1, 'the panel opens on step 1');
      // Whole layers first (Ctrl+Alt+Shift+→), then one quantity at a time.
      await stepLayersUntil(session, panel, /backward pass · layer 1$/);
      const at = await stepTo(session, panel, 72);
      assert.match(at.text, AT_DELTA_1_1);
    });

    step('the current cell δ⁽¹⁾₁ is fully in view, its number whole', async (session) => {
      const current = panel.locator('td.is-current');
      assert.equal(await current.getAttribute('data-ref'), 'delta:1:1:0');
      const visible = await session.waitUntil(
        () =>
          current.evaluate((cell) => {
            const r = cell.getBoundingClientRect();
            if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) return false;
            for (let el = cell.parentElement; el; el = el.parentElement) {
              const style = getComputedStyle(el);
              if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
              const box = el.getBoundingClientRect();
              if (el !== document.documentElement && el !== document.body && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)) return false;
            }
            return cell.scrollWidth <= cell.clientWidth + 1 && cell.textContent;
          }),
        'the current cell is inside the panel’s viewport and every scrolling ancestor, not cut',
      );
      assert.equal(visible, '−0.00387377');
      await session.screenshot('narrow delta 1 1');
    });

    step('the diagram’s text is at least 11 px and its values stay inside their circles', async () => {
      const problems = await panel.locator('svg.diagram').evaluate((svg) => {
        const found: string[] = [];
        for (const text of Array.from(svg.querySelectorAll('text'))) {
          if (!text.textContent || !text.getClientRects().length) continue;
          const scale = (text as SVGGraphicsElement).getScreenCTM()?.a ?? 1;
          const size = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (size < 10.95) found.push(`"${text.textContent}" is ${size.toFixed(1)} px`);
        }
        for (const neuron of Array.from(svg.querySelectorAll('[data-ref] circle'))) {
          const value = neuron.parentElement?.querySelector('text.value');
          if (!value?.textContent) continue;
          const [c, t] = [neuron.getBoundingClientRect(), value.getBoundingClientRect()];
          if (t.left < c.left - 0.5 || t.right > c.right + 0.5) found.push(`"${value.textContent}" spills over its circle`);
        }
        return found;
      });
      assert.deepEqual(problems, []);
    });

    step('keyboard only: Tab reaches the inputs table, arrows move, Enter selects the number in the spec', async (session) => {
      // Ctrl+2 focuses the panel's editor group, which hands the keyboard to the webview.
      await session.press('Control+2');
      const focused = () => panel.locator(':focus').evaluate((el) => ({ ref: el.getAttribute('data-ref'), name: el.getAttribute('aria-label') ?? '' })).catch(() => null);
      let at = await focused();
      for (let presses = 0; at?.ref !== 'x:0:1:0'; presses++) {
        assert.ok(presses < 40, `Tab never reached the first input cell; last focus: ${JSON.stringify(at)}`);
        await session.press('Tab');
        at = await focused();
      }
      assert.match(at.name, /xᵢ₁.*0\.35/, 'the cell says what it is');
      // The inputs run down a column, or along a row when the table is transposed.
      await session.press('ArrowDown');
      const down = (await focused())?.ref;
      const [next, back] = down === 'x:0:2:0' ? ['ArrowDown', 'ArrowUp'] : ['ArrowRight', 'ArrowLeft'];
      if (down !== 'x:0:2:0') await session.press(next);
      assert.equal((await focused())?.ref, 'x:0:2:0', 'an arrow key moves to the next input');
      await session.press(back);
      assert.equal((await focused())?.ref, 'x:0:1:0');
      await session.press('Enter');
      await session.waitUntil(
        async () => /Ln 12, Col 15 \(4 selected\)/.test(await session.statusBarText('status.editor.selection')),
        'x₁ = 0.35 (line 12, columns 11–14) is selected in the spec',
      );
      await session.screenshot('keyboard enter');
    });
  },
  { workspaceSource: join(e2eEnvironment().repoRoot, 'test', 'fixtures', 'panel-layout') },
);
