/**
 * Backprop as a debug session, driven as a learner drives any debugger: F5 on mazur.nnet stops
 * at z⁽¹⁾₁ with the debug toolbar, the Call Stack and the frame's text highlighted in the spec;
 * F10 eleven times walks the trace (z⁽¹⁾₁, a⁽¹⁾₁, z⁽¹⁾₂, a⁽¹⁾₂, z⁽²⁾₁, a⁽²⁾₁, z⁽²⁾₂, a⁽²⁾₂, cᵢ,
 * ∂cᵢ/∂a⁽²⁾₁, σ′(z⁽²⁾₁)) to δ⁽²⁾₁; the Variables view shows δ⁽²⁾₁ in the Layer 2 scope and
 * δ⁽²⁾₂ as not computed yet; Step Back (the toolbar's button: VS Code 1.100's command palette
 * has no "Debug: Step Back") goes back, and so does the extension's own Step Back key, which
 * moves the session too; Shift+F11 (Step Out) finishes the backward pass of layer 2 at
 * ∂cᵢ/∂b⁽²⁾₂; Shift+F5 ends the session. Screenshots: entry, δ⁽²⁾₁ with the Variables view
 * open, and after Step Out.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { ACTIVE_EDITOR } from './harness/editor';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

const TOOLBAR = '.debug-toolbar';
const CALL_STACK = '.debug-call-stack';
const VARIABLES = '.debug-variables';

/**
 * The Call Stack view's rows, top first, as rendered: a frame's name, or '' for a row that is not
 * a frame (a session or thread row, or one being rendered). A list's rows sit in the DOM in no
 * particular order (they are reused as it scrolls or refreshes), so they are sorted by index.
 */
async function callStack(page: Page): Promise<string[]> {
  const rows = await page.locator(`${CALL_STACK} .monaco-list-row`).evaluateAll((found) =>
    found.map((row) => ({ index: Number(row.getAttribute('data-index')), label: row.querySelector('.stack-frame .label')?.textContent ?? '' })),
  );
  return rows.sort((a, b) => a.index - b.index).map((row) => row.label.replace(/\u00a0/g, ' ').trim());
}

/** Waits until the Call Stack's top frame reads `name` exactly; returns the whole stack. */
async function topFrameIs(session: LearnerSession, name: string, what = `the Call Stack's top frame reads "${name}"`): Promise<string[]> {
  return session.waitUntil(async () => {
    const frames = await callStack(session.page);
    return frames[0] === name && frames.every(Boolean) && frames;
  }, what);
}

/**
 * Presses `key` once and waits until the Call Stack settles on another top frame than `before`
 * (the same whole stack twice, 300 ms apart: VS Code fetches the top frame first, then the rest).
 * Returns the new top frame.
 */
async function pressAndWaitForStop(session: LearnerSession, key: string, before: string): Promise<string> {
  await session.press(key);
  return session.waitUntil(async () => {
    const frames = await callStack(session.page);
    if (!frames[0] || frames[0] === before || !frames.every(Boolean)) return false;
    await session.page.waitForTimeout(300);
    return JSON.stringify(await callStack(session.page)) === JSON.stringify(frames) && frames[0];
  }, `the debugger stops somewhere else than "${before}" after ${key}`);
}

interface VariableRow {
  readonly name: string;
  readonly value: string;
}

/** The Variables view's rendered rows: scopes and variables, names without their separator. */
async function variableRows(page: Page): Promise<VariableRow[]> {
  const rows = await page.locator(`${VARIABLES} .monaco-list-row`).evaluateAll((found) =>
    found.map((row) => {
      const text = (selector: string) => (row.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
      return {
        name: (row.querySelector('.name') ? text('.name') : text('.scope') || (row as HTMLElement).innerText.trim()).replace(/\s*[:=]$/, ''),
        value: text('.value'),
        index: Number(row.getAttribute('data-index')),
      };
    }),
  );
  return rows.sort((a, b) => a.index - b.index).map(({ index: _, ...row }) => row);
}

/** The Variables view's row named exactly `name` (names used here are unique in the view). */
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

/** Closes every notification toast with its close button, as a learner clears them. */
async function dismissToasts(session: LearnerSession): Promise<void> {
  const close = session.page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear');
  for (let count = await close.count(); count > 0; count = await close.count()) {
    await session.page.locator('.notifications-toasts .notification-toast').first().hover();
    await close.first().click();
    await session.waitUntil(async () => (await close.count()) < count, 'the notification closes');
  }
  await session.page.mouse.move(1, 1);
}

/** Drags the sash between the side bar and the editor until the side bar is `width` pixels wide. */
async function widenSideBar(session: LearnerSession, width: number): Promise<void> {
  const page = session.page;
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) throw new Error('the side bar is not showing');
  const edge = bar.x + bar.width;
  const boxes = await page.locator('.monaco-sash.vertical').evaluateAll((sashes) =>
    sashes.map((sash) => {
      const r = sash.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, height: r.height };
    }),
  );
  // The side bar's own sash runs down its whole right edge.
  const sash = boxes.find((b) => Math.abs(b.x - edge) <= 4 && b.height >= bar.height * 0.9);
  if (!sash) throw new Error(`no sash at the side bar's right edge (x ${edge}): ${JSON.stringify(boxes)}`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (width - bar.width) / 2, sash.y, { steps: 4 });
  await page.mouse.move(bar.x + width, sash.y, { steps: 4 });
  await page.mouse.up();
  await page.mouse.move(1, 1);
  await session.waitUntil(async () => Math.abs(((await page.locator('.part.sidebar').boundingBox())?.width ?? 0) - width) <= 8, `the side bar is ${width} px wide`);
}

interface MarkedText {
  readonly line: number;
  /** The document's characters under the mark (inlay hints and inline values left out). */
  readonly text: string;
}

interface StopMarks {
  /**
   * Lines VS Code marks as the stopped frame's (its whole-line highlight); whether the margin
   * shows the arrow; whether the line shows the inline marker VS Code puts before a frame that
   * starts past the first column.
   */
  readonly stoppedLines: readonly (MarkedText & { readonly arrow: boolean; readonly columnMarker: boolean })[];
  /** The selection VS Code puts on the frame's range. */
  readonly selected: readonly MarkedText[];
}

/** How the active editor shows the stopped frame: read from the rendered overlays and glyphs. */
async function stopMarks(page: Page): Promise<StopMarks> {
  return page.evaluate(({ selector, injected }) => {
    const editor = document.querySelector(selector);
    if (!editor) return { stoppedLines: [], selected: [] };
    const numbers = Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'));
    const lineAtTop = new Map<string, number>(numbers.map((n) => [n.parentElement!.style.top, Number(n.textContent)]));
    // The arrow is a glyph margin decoration; it is matched to a line by its vertical middle.
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
    /** The document characters of `mark`'s line whose middle lies inside the mark. */
    const covered = (mark: HTMLElement) => {
      const top = mark.parentElement!.style.top;
      const view = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line')).find((v) => v.style.top === top);
      const box = mark.getBoundingClientRect();
      let text = '';
      if (view) {
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const kind = node.parentElement?.className ?? '';
          // Inlay hints, inline values and the frame's column marker are not the document's text.
          if (kind.includes(injected) || kind.includes('debug-inline-value') || kind.includes('debug-top-stack-frame-column')) continue;
          const content = node.textContent ?? '';
          for (let q = 0; q < content.length; q++) {
            const range = document.createRange();
            range.setStart(node, q);
            range.setEnd(node, q + 1);
            const r = range.getBoundingClientRect();
            const middle = r.left + r.width / 2;
            if (middle >= box.left && middle <= box.right) text += content[q];
          }
        }
      }
      return { line: lineAtTop.get(top) ?? -1, text: text.replace(/\u00a0/g, ' ').trim() };
    };
    const marks = (className: string) => Array.from(editor.querySelectorAll<HTMLElement>(`.view-overlays .${className}`));
    return {
      stoppedLines: marks('debug-top-stack-frame-line').map((mark) => {
        const at = covered(mark);
        const view = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line')).find((v) => v.style.top === mark.parentElement!.style.top);
        return { ...at, arrow: arrowOn(at.line), columnMarker: !!view?.querySelector('.debug-top-stack-frame-column') };
      }),
      selected: marks('selected-text').map(covered),
    };
  }, { selector: ACTIVE_EDITOR, injected: 'dyn-rule-' });
}

/**
 * Waits until the editor shows the stopped frame on `line` (the line marked, the arrow in the
 * margin) with exactly `frameText` selected: the frame's range in the spec.
 */
async function editorShowsFrame(session: LearnerSession, line: number, lineText: string, frameText: string): Promise<void> {
  const columnMarker = !lineText.startsWith(frameText);
  const expected: StopMarks = { stoppedLines: [{ line, text: lineText, arrow: true, columnMarker }], selected: [{ line, text: frameText }] };
  let last: StopMarks | undefined;
  try {
    await session.waitUntil(async () => {
      last = await stopMarks(session.page);
      return JSON.stringify(last) === JSON.stringify(expected);
    }, `the editor marks line ${line} as the stopped frame's and selects “${frameText}”`);
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
    await editorShowsFrame(session, 7, 'layer 1: 2 sigmoid', 'layer 1: 2 sigmoid');
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
    await editorShowsFrame(session, 11, 'layer 2: 2 sigmoid', 'layer 2: 2 sigmoid');
  });

  step('the Variables view: the Step scope has the formula; Layer 2 shows δ⁽²⁾₁ and δ⁽²⁾₂ not computed yet', async (session) => {
    // Room for the Variables view: the learner widens the side bar and folds the other sections
    // (the Call Stack's header still names the stopped frame).
    await widenSideBar(session, 520);
    for (const section of ['Watch', 'Call Stack', 'Breakpoints']) await setSection(session, section, false);
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

  step('Step Back on the debug toolbar goes back one quantity at a time; F10 forward again', async (session) => {
    await setSection(session, 'Call Stack', true);
    // VS Code 1.100 offers Step Back on the toolbar only (the command palette has no "Debug: Step Back").
    const stepBack = session.page.locator(`${TOOLBAR} .action-label[aria-label^="Step Back"]`);
    await stepBack.click();
    await topFrameIs(session, 'σ′(z⁽²⁾₁) = 0.186816', 'the toolbar’s Step Back returns to σ′(z⁽²⁾₁)');
    await stepBack.click();
    await topFrameIs(session, '∂cᵢ/∂a⁽²⁾₁ = 0.741365', 'Step Back again returns to ∂cᵢ/∂a⁽²⁾₁');
    await session.page.mouse.move(1, 1);
    await pressAndWaitForStop(session, 'F10', '∂cᵢ/∂a⁽²⁾₁ = 0.741365');
    await topFrameIs(session, 'σ′(z⁽²⁾₁) = 0.186816', 'F10 goes forward to σ′(z⁽²⁾₁) again');
  });

  step('the extension’s own Step Back (Ctrl+Alt+←) in the spec moves the debug session too', async (session) => {
    await session.focusEditor();
    await pressAndWaitForStop(session, 'Control+Alt+ArrowLeft', 'σ′(z⁽²⁾₁) = 0.186816');
    await topFrameIs(session, '∂cᵢ/∂a⁽²⁾₁ = 0.741365', 'Backprop: Step Back moves the session to ∂cᵢ/∂a⁽²⁾₁');
    await session.focusEditor();
    await pressAndWaitForStop(session, 'Control+Alt+ArrowRight', '∂cᵢ/∂a⁽²⁾₁ = 0.741365');
    await topFrameIs(session, 'σ′(z⁽²⁾₁) = 0.186816', 'Backprop: Step moves the session to σ′(z⁽²⁾₁)');
    // With the panel closed, the extension offers to open it; the learner closes the offer.
    await dismissToasts(session);
  });

  step('Shift+F11 (Step Out) finishes the backward pass of layer 2 at ∂cᵢ/∂b⁽²⁾₂', async (session) => {
    await pressAndWaitForStop(session, 'Shift+F11', 'σ′(z⁽²⁾₁) = 0.186816');
    const frames = await topFrameIs(session, '∂cᵢ/∂b⁽²⁾₂ = −0.0380982', 'Step Out lands on the group’s last quantity, ∂cᵢ/∂b⁽²⁾₂');
    assert.deepEqual(frames, ['∂cᵢ/∂b⁽²⁾₂ = −0.0380982', 'δ⁽²⁾₂ = −0.0380982', 'cᵢ = 0.298371']);
    // ∂cᵢ/∂b⁽²⁾₂'s frame is b⁽²⁾₂'s number in the spec: the second "0.60" of line 14 (columns 10–13).
    await session.waitUntil(async () => (await selectionShown(session)) === 'Ln 14, Col 14 (4 selected)', 'the editor selects b⁽²⁾₂’s 0.60 on line 14');
    await editorShowsFrame(session, 14, 'b 0.60 0.60', '0.60');
    await session.screenshot('step out');
  });

  step('Shift+F5 ends the session: the toolbar and the Call Stack go', async (session) => {
    await session.press('Shift+F5');
    await session.page.locator(TOOLBAR).waitFor({ state: 'hidden' });
    await session.waitUntil(async () => (await callStack(session.page)).length === 0, 'the Call Stack is empty');
  });
});
