/**
 * Finding an extension's webview document in the workbench, and saying what state its frames are
 * in when it cannot be found.
 *
 * VS Code draws each webview as an `iframe.webview` (tagged with the extension id, given the class
 * `ready` once its host page is up) floating over the editor group that shows it; the extension's
 * page is that iframe's inner `#active-frame`. A webview whose tab is hidden has no iframe.
 */
import type { FrameLocator, Page } from 'playwright-core';

/** The outer iframes of `extensionId`'s webviews, ready or not. */
export function webviewIframes(page: Page, extensionId: string) {
  return page.locator(`iframe.webview[src*="extensionId=${extensionId}"]`);
}

/** The extension page inside the webview iframe whose `name` (VS Code's id for it) is `name`. */
export function innerDocument(page: Page, name: string): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[name="${name}"]`).frameLocator('#active-frame');
}

/** The `name` of the ready webview of `extensionId` whose page holds `selector`, if one does now. */
export async function webviewHolding(page: Page, extensionId: string, selector: string): Promise<string | undefined> {
  for (const iframe of await page.locator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).all()) {
    const name = await iframe.getAttribute('name');
    if (name && (await innerDocument(page, name).locator(selector).count()) > 0) return name;
  }
  return undefined;
}

/**
 * One line per webview iframe of `extensionId`: whether it is ready and shown, and what its page
 * holds (how much text, its first heading or landmark id), so that a failure to find a webview
 * says whether the frame was missing, never became ready, or loaded something else.
 */
export async function describeWebviews(page: Page, extensionId: string): Promise<string> {
  const lines: string[] = [];
  for (const iframe of await webviewIframes(page, extensionId).all()) {
    const name = (await iframe.getAttribute('name')) ?? '?';
    const classes = (await iframe.getAttribute('class')) ?? '';
    const box = await iframe.boundingBox().catch(() => null);
    const shown = box ? `${Math.round(box.width)}×${Math.round(box.height)} at ${Math.round(box.x)},${Math.round(box.y)}` : 'not laid out';
    const visible = await iframe.isVisible().catch(() => false);
    let content = 'no page';
    try {
      const body = innerDocument(page, name).locator('body');
      if ((await body.count()) > 0) {
        const text = (await body.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim();
        const landmark = await innerDocument(page, name).locator('main[id], section[id], [id="training"]').first().getAttribute('id', { timeout: 500 }).catch(() => null);
        content = `page with ${text.length} characters${landmark ? `, #${landmark}` : ''}: “${text.slice(0, 80)}”`;
      }
    } catch (error) {
      content = `page unreadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
    lines.push(`  ${name}: class "${classes}", ${visible ? 'visible' : 'hidden'}, ${shown}; ${content}`);
  }
  return lines.join('\n') || '  (no webview iframe of this extension)';
}

/** One line per editor group: its tabs in order, the active one in [brackets]. */
export async function describeGroups(page: Page): Promise<string> {
  const lines: string[] = [];
  const groups = await page.locator('.part.editor .editor-group-container').all();
  for (const [index, group] of groups.entries()) {
    const tabs: string[] = [];
    for (const tab of await group.locator('.tab').all()) {
      const label = ((await tab.getAttribute('aria-label')) ?? (await tab.innerText())).split(',')[0]?.trim() ?? '?';
      const active = ((await tab.getAttribute('class')) ?? '').split(/\s+/).includes('active');
      tabs.push(active ? `[${label}]` : label);
    }
    const focused = ((await group.getAttribute('class')) ?? '').split(/\s+/).includes('active') ? ' (active group)' : '';
    lines.push(`  group ${index + 1}${focused}: ${tabs.join(' · ') || '(empty)'}`);
  }
  return lines.join('\n') || '  (no editor group)';
}
