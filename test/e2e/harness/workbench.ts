/**
 * The workbench around the editor, driven the way a learner drives it: the Explorer tree, Quick
 * Open, the command palette, the Problems panel, the Outline view and the status bar. Each
 * reader returns what is rendered (labels, aria-labels), so a missing command, diagnostic or
 * symbol fails the test that expects it.
 */
import type { Locator, Page } from 'playwright-core';
import { openQuickInput, QUICK_INPUT } from './quickInput';

export interface Problem {
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  /** The diagnostic's source (e.g. `nnet`), when it has one. */
  readonly source: string | undefined;
  /** The diagnostic's code as the row shows it beside the source (e.g. `csv-not-a-number`), when it has one. */
  readonly code: string | undefined;
  /** 1-based, as the Problems panel shows it. */
  readonly line: number;
  readonly column: number;
  /** The file row the problem is listed under. */
  readonly file: string;
}

export interface OutlineItem {
  /** The symbol's name and detail as the row shows them, e.g. `layer 1: 2 sigmoid`. */
  readonly text: string;
  /** The row's aria-label, e.g. `layer 1 (class)`. */
  readonly ariaLabel: string;
}

const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/** Header of the Explorer's folder tree section ("Explorer Section: examples"). */
const FOLDERS_HEADER = '.pane-header[aria-label^="Explorer Section"]';
const OUTLINE_HEADER = '.pane-header[aria-label^="Outline"]';

/** Expands or collapses a side bar section by clicking its header, then moves the mouse away. */
async function setSectionExpanded(page: Page, header: string, expanded: boolean): Promise<void> {
  const locator = page.locator(header);
  if (((await locator.getAttribute('aria-expanded')) === 'true') !== expanded) {
    await locator.click();
    await page.locator(`${header}[aria-expanded="${expanded}"]`).waitFor();
  }
  await page.mouse.move(1, 1); // no tooltip left over the side bar in screenshots
}

/** Shows the Explorer view if another view holds the side bar, with its folder tree expanded. */
async function showExplorer(page: Page): Promise<void> {
  if (!(await page.locator(FOLDERS_HEADER).isVisible())) {
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"]').click();
    await page.locator(FOLDERS_HEADER).waitFor();
  }
  await setSectionExpanded(page, FOLDERS_HEADER, true);
}

/** Waits until the active tab is `name` and its text is rendered. */
async function waitForActiveTab(page: Page, name: string): Promise<void> {
  await page.locator('.part.editor .tab.active', { hasText: name }).first().waitFor();
}

/** Opens a workspace file by clicking through the Explorer tree (`folder/file.nnet` expands `folder`). */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await showExplorer(page);
  const parts = relativePath.split('/');
  for (const [index, part] of parts.entries()) {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${part}"]`).first();
    await row.waitFor();
    const isFolder = index < parts.length - 1;
    if (isFolder && (await row.getAttribute('aria-expanded')) === 'true') continue;
    await row.click();
  }
  await waitForActiveTab(page, parts[parts.length - 1]);
}

/** Opens a file with Quick Open (Ctrl+P), picking the row whose label is exactly the file name. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await openQuickInput(page, 'Control+P');
  await page.keyboard.type(fileName);
  await pickRow(page, fileName, 'Quick Open');
  await waitForActiveTab(page, fileName);
}

/** Clicks the quick-input row labelled exactly `label`; fails listing what was offered instead. */
async function pickRow(page: Page, label: string, where: string): Promise<void> {
  const row = page.locator(QUICK_INPUT_ROWS).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  try {
    await row.first().waitFor({ timeout: 10_000 });
  } catch {
    const offered = await page.locator(`${QUICK_INPUT_ROWS} .label-name`).allInnerTexts();
    await page.keyboard.press('Escape');
    throw new Error(`${where} offers no "${label}"; it offers: ${offered.map((o) => JSON.stringify(o)).join(', ') || 'nothing'}`);
  }
  await row.first().click();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs a command from the command palette (Ctrl+Shift+P) by its full title as the palette shows
 * it, category included: `runCommand(page, 'Backprop Stepper: Open Panel')`.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await openQuickInput(page, 'Control+Shift+P');
  await page.keyboard.type(title);
  await pickRow(page, title, 'The command palette');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** The text of a status bar item by its id, e.g. `status.editor.mode` (language) or `status.problems`. */
export async function statusBarText(page: Page, id: string): Promise<string> {
  return (await page.locator(`[id="${id}"]`).innerText()).trim();
}

/** The Problems panel, opened (Ctrl+Shift+M) if it is not showing. */
export async function problemsPanel(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }
  return panel;
}

/** Every problem the Problems panel lists now (opening it if needed), in the panel's order. */
export async function problems(page: Page): Promise<Problem[]> {
  const panel = await problemsPanel(page);
  // The code is not in the aria-label: it is the `.marker-code` text shown after the source.
  const rows = await panel.locator('.monaco-list-row').evaluateAll((elements) =>
    elements.map((row) => ({ label: row.getAttribute('aria-label') ?? '', code: row.querySelector('.marker-code')?.textContent ?? undefined })));
  const found: Problem[] = [];
  let file = '';
  for (const { label, code } of rows) {
    // VS Code 1.100's wording. File rows: "1 problems in file mazur.nnet of folder ."; problem
    // rows: "Error: <message> at line 7 and character 12.[ This problem has references to N
    // locations.][ generated by <source>]" (Warning:, Info:, and Problem: for hints).
    const fileRow = /^\d+ problems? in file (.+?) of folder/.exec(label);
    if (fileRow) {
      file = fileRow[1];
      continue;
    }
    const row = /^(Error|Warning|Info|Problem): ([\s\S]*) at line (\d+) and character (\d+)\.(?: This problem has references to \d+ locations\.)?(?: generated by ([\s\S]*))?$/.exec(label);
    if (row) {
      const severity = ({ Error: 'error', Warning: 'warning', Info: 'info', Problem: 'hint' } as const)[row[1] as 'Error'];
      found.push({ severity, message: row[2], line: Number(row[3]), column: Number(row[4]), file, source: row[5], code: code || undefined });
    }
  }
  return found;
}

/**
 * Expands the Explorer's Outline section and returns its rows (what is rendered now). The folder
 * tree section is collapsed to give the Outline the side bar's height: the list renders only the
 * rows that fit (openFile expands the folder tree again).
 */
export async function outline(page: Page): Promise<OutlineItem[]> {
  if (!(await page.locator(OUTLINE_HEADER).isVisible())) await showExplorer(page);
  await setSectionExpanded(page, FOLDERS_HEADER, false);
  await setSectionExpanded(page, OUTLINE_HEADER, true);
  const pane = page.locator('.pane', { has: page.locator(OUTLINE_HEADER) });
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({ text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), ariaLabel: row.getAttribute('aria-label') ?? '' })),
  );
}

/** Visible notification toasts' messages (e.g. an extension's error message). */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}
