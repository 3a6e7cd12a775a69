/**
 * Backprop: Check Gradients as a learner runs it: the spec opened and analysed, the command from
 * the palette with the editor focused, then the Gradient check panel's page, once its summary
 * says the check passed. Returns the page and that summary.
 */
import type { FrameLocator } from 'playwright-core';
import type { LearnerSession } from './session';

export async function checkGradientsOf(session: LearnerSession, file: string): Promise<{ check: FrameLocator; summary: string }> {
  await session.openFile(file);
  await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
  await session.focusEditor();
  await session.runCommand('Backprop: Check Gradients');
  await session.page.mouse.move(1, 1);
  const check = await session.webviewFrameWith('#gradient-check');
  await session.page.locator('.part.editor .tab', { hasText: `Gradient check: ${file}` }).waitFor();
  const summary = await session.waitUntil(async () => {
    const text = await check.locator('#check-summary').innerText();
    return text.startsWith('Passed') && text;
  }, 'the summary says the check passed');
  return { check, summary };
}
