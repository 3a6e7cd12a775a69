/**
 * The toolbar's Export button: asks the extension to run Export Worked Solution… on the panel's
 * spec (format and scope are picked there, so the page only sends `export`).
 */
import { h } from './dom';

export function createExportButton(exportSolution: () => void): HTMLElement {
  const label = 'Export the worked solution: Markdown, LaTeX or a Jupyter notebook';
  const button = h('button', { type: 'button', class: 'control wide', 'aria-label': label, title: label }, 'Export…');
  button.addEventListener('click', exportSolution);
  return button;
}
