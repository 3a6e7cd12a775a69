/**
 * The text editor as a learner sees and uses it: rendered lines and the colour of each token,
 * squiggles, hovers, and typing at a line and column. Everything is read from what Monaco renders
 * (DOM and computed styles), never from VS Code's API, so a test fails when the learner would see
 * something wrong.
 *
 * Lines and columns are 1-based, as the status bar shows them. Only rendered lines can be read:
 * `goTo` reveals a line first. Monaco renders spaces as U+00A0; the text returned has plain spaces.
 * Inlay hints are rendered inside the line as spans of injected text (class `dyn-rule-…`): a
 * line's `text` shows them as the learner reads them, but its `sourceText`, tokens and columns are
 * the document's alone, and the hints are also listed apart as `inlayHints`.
 */
import type { Page } from 'playwright-core';
import { openQuickInput } from './quickInput';

/** The editor of the active editor group (not the Output panel's or a diff's second side). */
export const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';

export interface EditorToken {
  readonly text: string;
  /** The computed CSS colour, e.g. `rgb(9, 134, 88)`. */
  readonly colour: string;
  /** 1-based column of the token's first character. */
  readonly column: number;
}

export interface EditorLine {
  readonly line: number;
  /** The line as rendered, inlay hints included, e.g. `  w 0.15 ∂c/∂w = 0.0004386 0.25 …`. */
  readonly text: string;
  /** The document's text of the line (no inlay hints). */
  readonly sourceText: string;
  readonly tokens: readonly EditorToken[];
  /** The inlay hints rendered in the line, in order, as shown (e.g. `∂c/∂w = 0.0004386`). */
  readonly inlayHints: readonly string[];
}

/** Class of the spans Monaco renders for injected text such as inlay hints. */
const INJECTED = 'dyn-rule-';

/** A code lens as rendered above a line: its text (every command of it, `|`-separated as shown). */
export interface CodeLens {
  readonly text: string;
  /** Page y of the lens's vertical middle, to tell which line it sits above (see positionOf). */
  readonly y: number;
}

export interface Squiggle {
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
}

/**
 * The text editor of the group whose active tab shows the file `name`, focused or not: what a
 * person reads in the editor beside a panel that holds the keyboard focus.
 */
export const editorShowing = (name: string): string =>
  `.part.editor .editor-group-container:has(.tab.active[data-resource-name="${name}"]) .editor-instance .monaco-editor`;

/** Every rendered line of the active editor (or of the editor `selector` picks), in line order, with its coloured tokens. */
export async function editorLines(page: Page, selector = ACTIVE_EDITOR): Promise<EditorLine[]> {
  await page.locator(`${selector} .view-lines .view-line`).first().waitFor();
  return page.evaluate(({ selector, injected }) => {
    const editor = document.querySelector(selector)!;
    const lineAtTop = new Map<string, number>();
    for (const number of Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'))) {
      lineAtTop.set(number.parentElement!.style.top, Number(number.textContent));
    }
    const lines = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line')).map((view) => {
      let column = 1;
      const tokens: { text: string; colour: string; column: number }[] = [];
      const inlayHints: string[] = [];
      let hint: string | undefined; // consecutive injected spans (padding, label) form one hint
      let rendered = '';
      for (const span of Array.from(view.querySelectorAll<HTMLElement>('span > span'))) {
        const text = (span.textContent ?? '').replace(/\u00a0/g, ' ');
        rendered += text;
        if (span.className.includes(injected)) {
          hint = (hint ?? '') + text;
          continue;
        }
        if (hint !== undefined) inlayHints.push(hint.trim());
        hint = undefined;
        tokens.push({ text, colour: getComputedStyle(span).color, column });
        column += text.length;
      }
      if (hint !== undefined) inlayHints.push(hint.trim());
      const sourceText = tokens.map((t) => t.text).join('');
      return { line: lineAtTop.get(view.style.top) ?? -1, text: rendered, sourceText, tokens, inlayHints };
    });
    return lines.filter((l) => l.line > 0).sort((a, b) => a.line - b.line);
  }, { selector, injected: INJECTED });
}

/** The first rendered token whose text is exactly `text` (after trimming), or undefined. */
export async function findToken(page: Page, text: string): Promise<(EditorToken & { line: number }) | undefined> {
  for (const line of await editorLines(page)) {
    const token = line.tokens.find((t) => t.text.trim() === text);
    if (token) return { ...token, line: line.line };
  }
  return undefined;
}

/** Rendered squiggles (diagnostic underlines) of the active editor, by line. */
export async function squiggles(page: Page): Promise<Squiggle[]> {
  return page.evaluate((selector) => {
    const editor = document.querySelector(selector);
    if (!editor) return [];
    const lineAtTop = new Map<string, number>();
    for (const number of Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers'))) {
      lineAtTop.set(number.parentElement!.style.top, Number(number.textContent));
    }
    return Array.from(editor.querySelectorAll<HTMLElement>('.view-overlays [class*="squiggly-"]')).map((element) => {
      const severity = /squiggly-(error|warning|info|hint)/.exec(element.className)?.[1] ?? 'info';
      return { line: lineAtTop.get(element.parentElement!.style.top) ?? -1, severity: severity as Squiggle['severity'] };
    });
  }, ACTIVE_EDITOR);
}

/** The code lenses rendered in the active editor, top to bottom. */
export async function codeLenses(page: Page): Promise<CodeLens[]> {
  const lenses = await page.locator(`${ACTIVE_EDITOR} .codelens-decoration`).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { text: (element as HTMLElement).innerText.replace(/\u00a0/g, ' '), y: box.top + box.height / 2, shown: box.height > 0 };
    }));
  return lenses.filter((l) => l.shown).map(({ text, y }) => ({ text, y })).sort((a, b) => a.y - b.y);
}

/**
 * Gives the keyboard back to the active editor (View: Focus First Editor Group, Ctrl+1). On a
 * busy machine the key can arrive while the workbench is still moving the focus elsewhere (to
 * the Problems panel just opened, say), so it is pressed again, up to three times.
 */
export async function focusEditor(page: Page): Promise<void> {
  const focused = page.locator(`${ACTIVE_EDITOR}.focused`);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+1');
    try {
      await focused.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Moves the cursor with Go to Line (Ctrl+G) and waits until the status bar shows it there. */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  const input = await openQuickInput(page, 'Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  // The status bar may show the position already (Ctrl+G to where the cursor is), so wait too for
  // the input to close and the editor to have the keyboard again: keys typed before then are lost.
  await input.waitFor({ state: 'hidden' });
  await page.locator(`${ACTIVE_EDITOR}.focused`).waitFor();
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

/**
 * Types at a position as a learner would (key by key, so auto-closing quotes and suggestions
 * behave as they do for a person).
 */
export async function typeAt(page: Page, line: number, column: number, text: string): Promise<void> {
  await goTo(page, line, column);
  await page.keyboard.type(text);
}

/** Selects `length` characters from the position (Shift+Right) and types `text` over them. */
export async function replaceAt(page: Page, line: number, column: number, length: number, text: string): Promise<void> {
  await goTo(page, line, column);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(text);
}

/** Page coordinates of the middle of the character at a rendered position. */
export async function positionOf(page: Page, line: number, column: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(({ selector, line, column, injected }) => {
    const editor = document.querySelector(selector);
    if (!editor) return undefined;
    const number = Array.from(editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')).find((n) => Number(n.textContent) === line);
    const view = number && Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line')).find((v) => v.style.top === number.parentElement!.style.top);
    if (!view) return undefined;
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let remaining = column - 1;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.className.includes(injected)) continue; // an inlay hint, not text
      const length = node.textContent?.length ?? 0;
      if (remaining < length) {
        const range = document.createRange();
        range.setStart(node, remaining);
        range.setEnd(node, remaining + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      remaining -= length;
    }
    return undefined;
  }, { selector: ACTIVE_EDITOR, line, column, injected: INJECTED });
  if (!point) throw new Error(`line ${line}, column ${column} is not rendered in the active editor`);
  return point;
}

/**
 * Opens the Quick Fix menu at a position with Ctrl+. as a learner would and returns the titles
 * it lists, leaving it open so that `chooseQuickFix` can pick one.
 */
export async function quickFixesAt(page: Page, line: number, column: number, timeoutMs = 15_000): Promise<string[]> {
  await goTo(page, line, column);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ timeout: timeoutMs });
  return (await rows.allInnerTexts()).map((text) => text.trim());
}

/** Picks the entry of the open Quick Fix menu titled `title`, with the keyboard. */
export async function chooseQuickFix(page: Page, title: string): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const titles = (await rows.allInnerTexts()).map((text) => text.trim());
  const index = titles.indexOf(title);
  if (index < 0) throw new Error(`the Quick Fix menu has no "${title}": ${titles.join(' | ')}`);
  // The first entry is focused when the menu opens.
  for (let q = 0; q < index; q++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
}

/**
 * Rests the mouse on a position and returns the text of the hover that appears (all of its
 * sections, as rendered). Fails if no hover with content appears.
 */
export async function hoverAt(page: Page, line: number, column: number, timeoutMs = 15_000): Promise<string> {
  await goTo(page, line, column);
  await page.keyboard.press('Escape');
  const { x, y } = await positionOf(page, line, column);
  await page.mouse.move(x, y - 40); // from elsewhere, so that the move below is a fresh hover
  await page.mouse.move(x, y, { steps: 4 });
  const hover = page.locator(`${ACTIVE_EDITOR} .monaco-hover:visible`).first();
  await hover.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await hover.innerText()).trim();
    if (text && !/^Loading/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the hover at ${line}:${column} stayed empty`);
    await page.waitForTimeout(100);
  }
}
