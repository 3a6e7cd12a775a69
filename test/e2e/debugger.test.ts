/**
 * Backprop as a debug session, driven as a learner drives any debugger: F5 on mazur.nnet stops
 * at z⁽¹⁾₁ with the debug toolbar, the Call Stack and the frame's text highlighted in the spec;
 * F10 eleven times walks the trace (z⁽¹⁾₁, a⁽¹⁾₁, z⁽¹⁾₂, a⁽¹⁾₂, z⁽²⁾₁, a⁽²⁾₁, z⁽²⁾₂, a⁽²⁾₂, cᵢ,
 * ∂cᵢ/∂a⁽²⁾₁, σ′(z⁽²⁾₁)) to δ⁽²⁾₁; the Variables view shows δ⁽²⁾₁ in the Layer 2 scope and
 * δ⁽²⁾₂ as not computed yet; Step Back (the toolbar's button, then the command palette) goes
 * back, and Shift+F11 (Step Out) finishes the backward pass of layer 2 at ∂cᵢ/∂b⁽²⁾₂.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { ACTIVE_EDITOR } from './harness/editor';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

const TOOLBAR = '.debug-toolbar';
const CALL_STACK = '.debug-call-stack';
const VARIABLES = '.debug-variables';

/** The Call Stack view's frame names, top first, as rendered. */
async function callStack(page: Page): Promise<string[]> {
  const labels = await page.locator(`${CALL_STACK} .monaco-list-row .stack-frame .label`).allInnerTexts();
  return labels.map((label) => label.replace(/\u00a0/g, ' ').trim());
}

/** Waits until the Call Stack's top frame reads `name` exactly; returns the whole stack. */
async function topFrameIs(session: LearnerSession, name: string, what = `the Call Stack's top frame reads "${name}"`): Promise<string[]> {
  return session.waitUntil(async () => {
    const frames = await callStack(session.page);
    return frames[0] === name && frames;
  }, what);
}

/** Presses `key` once and waits until the top frame is no longer `before`; returns the new top frame. */
async function pressAndWaitForStop(session: LearnerSession, key: string, before: string): Promise<string> {
  await session.press(key);
  return session.waitUntil(async () => {
    const [top] = await callStack(session.page);
    return top && top !== before && top;
  }, `the debugger stops somewhere else than "${before}" after ${key}`);
}

interface VariableRow {
  readonly name: string;
  readonly value: string;
  readonly level: number;
  readonly expanded: boolean | undefined;
}

/** The Variables view's rendered rows: scopes and variables, names without their separator. */
async function variableRows(page: Page): Promise<VariableRow[]> {
  return page.locator(`${VARIABLES} .monaco-list-row`).evaluateAll((rows) =>
    rows.map((row) => {
      const text = (selector: string) => (row.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
      const expanded = row.getAttribute('aria-expanded');
      return {
        name: (row.querySelector('.name') ? text('.name') : text('.scope') || (row as HTMLElement).innerText.trim()).replace(/\s*[:=]$/, ''),
        value: text('.value'),
        level: Number(row.getAttribute('aria-level') ?? 0),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    }),
  );
}

/** The Variables view's row named exactly `name` (the first one, top to bottom). */
function variableRow(page: Page, name: string): Locator {
  return page.locator(`${VARIABLES} .monaco-list-row`).filter({ has: page.locator('.name, .scope', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*[:=]?\\s*$`) }) }).first();
}

/** Clicks a collapsed row of the Variables view (a scope or a vector) and waits until it is expanded. */
async function expand(session: LearnerSession, name: string): Promise<void> {
  const row = variableRow(session.page, name);
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await session.waitUntil(async () => (await row.getAttribute('aria-expanded')) === 'true', `the Variables view expands ${name}`);
}

/** Expands or collapses a side bar section (Watch, Breakpoints, …) by clicking its header. */
async function setSection(session: LearnerSession, title: string, expanded: boolean): Promise<void> {
  const header = session.page.locator(`.part.sidebar .pane-header`, { has: session.page.locator('h3.title', { hasText: new RegExp(`^${escapeRegExp(title)}$`, 'i') }) }).first();
  await header.waitFor();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
  await session.waitUntil(async () => ((await header.getAttribute('aria-expanded')) === 'true') === expanded, `the ${title} section is ${expanded ? 'expanded' : 'collapsed'}`);
}

/**
 * The lines of the active editor that carry the debugger's top-stack-frame decoration: the
 * document text the decoration covers (VS Code draws it from the frame's first column to the
 * line's end; inlay hints and inline values are left out), and whether the margin shows the
 * stopped frame's arrow on that line.
 */
async function topFrameHighlight(page: Page): Promise<{ line: number; text: string; arrow: boolean }[]> {
  return page.evaluate(({ selector, injected }) => {
    const editor = document.querySelector(selector);
    if (!editor) return [];
    const numbers = Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'));
    const lineAtTop = new Map<string, number>(numbers.map((n) => [n.parentElement!.style.top, Number(n.textContent)]));
    // The arrow is a glyph margin decoration; match it to a line by its vertical middle.
    const arrows = Array.from(editor.querySelectorAll<HTMLElement>('.margin .codicon-debug-stackframe')).map((g) => {
      const r = g.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    const arrowOn = (line: number) => {
      const number = numbers.find((n) => Number(n.textContent) === line);
      if (!number) return false;
      const r = number.getBoundingClientRect();
      return arrows.some((y) => y >= r.top && y <= r.bottom);
    };
    return Array.from(editor.querySelectorAll<HTMLElement>('.view-overlays .debug-top-stack-frame-line')).map((mark) => {
      const top = mark.parentElement!.style.top;
      const line = lineAtTop.get(top) ?? -1;
      const view = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line')).find((v) => v.style.top === top);
      const box = mark.getBoundingClientRect();
      let covered = '';
      if (view) {
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.className.includes(injected)) continue; // an inlay hint or inline value
          const content = node.textContent ?? '';
          for (let q = 0; q < content.length; q++) {
            const range = document.createRange();
            range.setStart(node, q);
            range.setEnd(node, q + 1);
            const r = range.getBoundingClientRect();
            const middle = r.left + r.width / 2;
            if (middle >= box.left && middle <= box.right) covered += content[q];
          }
        }
      }
      return { line, text: covered.replace(/\u00a0/g, ' ').trim(), arrow: arrowOn(line) };
    });
  }, { selector: ACTIVE_EDITOR, injected: 'dyn-rule-' });
}

/** Waits until the editor marks exactly `line` as the stopped frame's, over `text`, with the arrow. */
async function highlightIs(session: LearnerSession, line: number, text: string): Promise<void> {
  const expected = [{ line, text, arrow: true }];
  let last: unknown;
  try {
    await session.waitUntil(async () => {
      last = await topFrameHighlight(session.page);
      return JSON.stringify(last) === JSON.stringify(expected);
    }, `the editor marks line ${line} (“${text}”) as the stopped frame's, with the arrow`);
  } catch (error) {
    assert.deepEqual(last, expected, (error as Error).message);
  }
}

/** The status bar's cursor item, e.g. "Ln 7, Col 19 (18 selected)". */
async function selectionShown(session: LearnerSession): Promise<string> {
  return session.statusBarText('status.editor.selection');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The quantities F10 stops at from entry, in the trace's order (issue 13: step 12 is δ⁽²⁾₁). */
const STOPS = [
  'z⁽¹⁾₁ = 0.3775',
  'a⁽¹⁾₁ = 0.59327',
  'z⁽¹⁾₂ = 0.3925',
  'a⁽¹⁾₂ = 0.596884',
  'z⁽²⁾₁ = 1.10591',
  'a⁽²⁾₁ = 0.751365',
  'z⁽²⁾₂ = 1.22492',
  'a⁽²⁾₂ = 0.772928',
  'cᵢ = 0.298371',
  '∂cᵢ/∂a⁽²⁾₁ = 0.741365',
  'σ′(z⁽²⁾₁) = 0.186816',
  'δ⁽²⁾₁ = 0.138499',
];

learnerSuite('Backprop as a debug session', (step) => {
  step('F5 on mazur.nnet stops at z⁽¹⁾₁: the debug toolbar, the Call Stack, the layer line highlighted', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await session.openFile('mazur.nnet'); // outline() collapsed the folder tree; back to the spec
    await session.focusEditor();
    await session.press('F5');
    await session.page.locator(TOOLBAR).waitFor({ timeout: 30_000 });
    const frames = await topFrameIs(session, STOPS[0]);
    // The chain rule's chain up to the cost: z⁽¹⁾₁ feeds a⁽¹⁾₁, then z⁽²⁾, a⁽²⁾ and cᵢ.
    assert.deepEqual(frames, ['z⁽¹⁾₁ = 0.3775', 'a⁽¹⁾₁ (not computed yet)', 'z⁽²⁾', 'a⁽²⁾', 'cᵢ (not computed yet)']);
    // The toolbar offers the moves the adapter supports, Step Back and Reverse among them.
    const actions = await session.page.locator(`${TOOLBAR} .action-label`).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    for (const wanted of ['Continue', 'Step Over', 'Step Into', 'Step Out', 'Step Back', 'Reverse', 'Stop']) {
      assert.ok(actions.some((a) => a.startsWith(wanted)), `the debug toolbar has ${wanted}: ${actions.join(' | ')}`);
    }
    // z⁽¹⁾₁'s frame is layer 1's line, "layer 1: 2 sigmoid" (line 7): the editor selects exactly
    // that text, marks the line as the stopped frame's and shows the arrow in the margin.
    await session.waitUntil(async () => (await selectionShown(session)) === 'Ln 7, Col 19 (18 selected)', 'the editor selects “layer 1: 2 sigmoid”, the frame’s text');
    await highlightIs(session, 7, 'layer 1: 2 sigmoid');
    await session.screenshot('entry');
  });

  step('F10 eleven times walks the trace, one quantity per press, to δ⁽²⁾₁ = 0.138499', async (session) => {
    let top = STOPS[0];
    for (const expected of STOPS.slice(1)) {
      top = await pressAndWaitForStop(session, 'F10', top);
      assert.equal(top, expected, `F10 after ${STOPS[STOPS.indexOf(expected) - 1]}`);
    }
    const frames = await topFrameIs(session, 'δ⁽²⁾₁ = 0.138499');
    assert.deepEqual(frames, ['δ⁽²⁾₁ = 0.138499', 'cᵢ = 0.298371']);
    // δ⁽²⁾₁ is one of layer 2's quantities: its frame is the line "layer 2: 2 sigmoid" (line 11).
    await session.waitUntil(async () => (await selectionShown(session)) === 'Ln 11, Col 19 (18 selected)', 'the editor selects “layer 2: 2 sigmoid”');
    await highlightIs(session, 11, 'layer 2: 2 sigmoid');
  });

  step('the Variables view: the Step scope has the formula; Layer 2 shows δ⁽²⁾₁ and δ⁽²⁾₂ not computed yet', async (session) => {
    // Room for the Variables view: the learner folds the Watch and Breakpoints sections.
    await setSection(session, 'Watch', false);
    await setSection(session, 'Breakpoints', false);
    await expand(session, 'Step');
    const stepScope = await session.waitUntil(async () => {
      const rows = await variableRows(session.page);
      return rows.some((r) => r.name === 'formula') && rows;
    }, 'the Step scope lists the formula');
    const value = (name: string) => stepScope.find((r) => r.name === name)?.value;
    assert.equal(value('value'), '0.138498561629');
    assert.equal(value('formula'), 'δ⁽²⁾₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) = (a⁽²⁾₁ − yᵢ₁) · a⁽²⁾₁(1 − a⁽²⁾₁)');
    assert.equal(value('factor 1: ∂cᵢ/∂a⁽²⁾₁'), '0.741365069552');
    assert.equal(value('factor 2: σ′(z⁽²⁾₁)'), '0.186815601809');
    // The Step scope stays open; Layer 2 below it, and δ⁽²⁾ in it.
    await expand(session, 'Layer 2');
    await expand(session, 'δ⁽²⁾');
    const rows = await session.waitUntil(async () => {
      const now = await variableRows(session.page);
      return now.some((r) => r.name === 'δ⁽²⁾₂') && now;
    }, 'δ⁽²⁾ shows its entries');
    const entry = (name: string) => rows.find((r) => r.name === name);
    assert.equal(entry('δ⁽²⁾')?.value, '[2] 0.138499, ·');
    assert.equal(entry('δ⁽²⁾₁')?.value, '0.138498561629');
    assert.equal(entry('δ⁽²⁾₂')?.value, 'not computed yet');
    assert.equal(entry('∂cᵢ/∂a⁽²⁾')?.value, '[2] 0.741365, ·');
    assert.equal(entry('σ′(z⁽²⁾)')?.value, '[2] 0.186816, ·');
    await session.page.mouse.move(1, 1); // no hover left over the view
    await session.screenshot('delta 2 1 variables');
  });

  step('Step Back from the toolbar and from the command palette goes back one quantity at a time', async (session) => {
    await session.page.locator(`${TOOLBAR} .action-label[aria-label^="Step Back"]`).click();
    await topFrameIs(session, 'σ′(z⁽²⁾₁) = 0.186816', 'the toolbar’s Step Back returns to σ′(z⁽²⁾₁)');
    await session.runCommand('Debug: Step Back');
    await topFrameIs(session, '∂cᵢ/∂a⁽²⁾₁ = 0.741365', '“Debug: Step Back” returns to ∂cᵢ/∂a⁽²⁾₁');
    await pressAndWaitForStop(session, 'F10', '∂cᵢ/∂a⁽²⁾₁ = 0.741365');
    await topFrameIs(session, 'σ′(z⁽²⁾₁) = 0.186816', 'F10 goes forward to σ′(z⁽²⁾₁) again');
  });

  step('Shift+F11 (Step Out) finishes the backward pass of layer 2 at ∂cᵢ/∂b⁽²⁾₂', async (session) => {
    await pressAndWaitForStop(session, 'Shift+F11', 'σ′(z⁽²⁾₁) = 0.186816');
    const frames = await topFrameIs(session, '∂cᵢ/∂b⁽²⁾₂ = −0.0380982', 'Step Out lands on the group’s last quantity, ∂cᵢ/∂b⁽²⁾₂');
    assert.deepEqual(frames, ['∂cᵢ/∂b⁽²⁾₂ = −0.0380982', 'δ⁽²⁾₂ = −0.0380982', 'cᵢ = 0.298371']);
    // ∂cᵢ/∂b⁽²⁾₂'s frame is b⁽²⁾₂'s number in the spec: the second "0.60" of line 14 (columns 10–13).
    await session.waitUntil(async () => (await selectionShown(session)) === 'Ln 14, Col 14 (4 selected)', 'the editor selects b⁽²⁾₂’s 0.60 on line 14');
    await highlightIs(session, 14, '0.60');
    await session.screenshot('step out');
  });

  step('Shift+F5 ends the session: the toolbar and the Call Stack go', async (session) => {
    await session.press('Shift+F5');
    await session.page.locator(TOOLBAR).waitFor({ state: 'hidden' });
    await session.waitUntil(async () => (await callStack(session.page)).length === 0, 'the Call Stack is empty');
  });
});
