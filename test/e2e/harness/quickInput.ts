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
 * holds the focus are lost, so the key is pressed again, up to three times.
 */
export async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const box = page.locator(QUICK_INPUT_BOX);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    await box.waitFor();
    if (await holdsFocus(page)) return box;
    if (attempt === 3) throw new Error(`the quick input opened by ${key} never kept the keyboard`);
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
