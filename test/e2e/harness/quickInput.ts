/**
 * VS Code's quick input (the command palette, Quick Open, Go to Line, an extension's quick pick),
 * opened from the keyboard so that what is typed next lands in its box.
 */
import type { Locator, Page } from 'playwright-core';

export const QUICK_INPUT = '.quick-input-widget';
export const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;

/**
 * Presses `key` (Control+Shift+P, Control+P, Control+G …) and returns the quick input's box once
 * it has the keyboard, and still has it a moment later. A webview or editor clicked just before
 * can take the focus back as the box opens (the box then closes): keys typed before the box
 * holds the focus are lost, so the key is pressed again, up to four times.
 */
export async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const box = page.locator(QUICK_INPUT_BOX);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    // The box can open and close again at once (a webview taking the focus back), so that it
    // never shows: wait a few seconds for it, then press the key again.
    const shown = await box.waitFor({ timeout: 4_000 }).then(() => true, () => false);
    if (shown && (await holdsFocus(page))) return box;
    if (attempt === 4) {
      throw new Error(`the quick input opened by ${key} ${shown ? 'never kept the keyboard' : 'never showed'} (pressed ${attempt} times)`);
    }
  }
}

async function holdsFocus(page: Page): Promise<boolean> {
  const focused = () => page.evaluate((selector) => document.activeElement?.matches(selector) === true, QUICK_INPUT_BOX);
  for (let check = 0; check < 20; check++) {
    if (await focused()) {
      await page.waitForTimeout(150);
      if (await focused()) return true;
    }
    await page.waitForTimeout(50);
  }
  return false;
}
