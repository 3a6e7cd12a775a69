/**
 * The step box — the formula the learner is reading — stays at the top of the panel while the
 * diagram and the tables scroll under it (`position: sticky` in media/panel.css, at most 40% of
 * the panel's height, scrolling on its own beyond that). Whatever scrolls something into view
 * must keep clear of it:
 *   - follow.ts subtracts the box's height, read when it follows (`inset`);
 *   - the browser's own scrolling — to a cell or node the keyboard focuses — honours the page's
 *     `scroll-padding-top`, kept equal to the box's height by a ResizeObserver (no layout is
 *     read for it: observers run once layout is done).
 */
export function keepClearOf(box: HTMLElement, page: HTMLElement = document.documentElement): { inset: () => number } {
  let padding = -1;
  new ResizeObserver((entries) => {
    const size = entries[entries.length - 1]?.borderBoxSize?.[0];
    const height = Math.ceil(size ? size.blockSize : box.offsetHeight);
    if (height === padding) return;
    padding = height;
    page.style.scrollPaddingTop = `${height}px`;
  }).observe(box);
  return { inset: () => box.getBoundingClientRect().height };
}
