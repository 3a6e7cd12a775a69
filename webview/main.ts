/**
 * The Backprop Stepper panel's browser code. It posts `ready` (with the state VS Code kept for
 * it), then draws every `view` the extension sends: header, controls, the current step in
 * KaTeX, the network diagram and the per-layer tables. It computes nothing about the network;
 * all numbers arrive resolved (src/shared/panelMessages.ts).
 */
import type { ExtensionToPanel, PanelAction, ProblemsMessage, ViewMessage } from '../src/shared/panelMessages';
import { installPalette } from './colors';
import { onThemeChange } from './themeColours';
import { createToolbar, installKeys } from './controls';
import { createExportButton } from './exportButton';
import { DiagramView } from './diagram';
import { DiagramFocus } from './diagramFocus';
import { ExerciseBox, HIDDEN_FACTOR_MACROS } from './exercise';
import { h, replaceChildren } from './dom';
import { highlightsFor } from './highlight';
import { formatValue } from './refs';
import { warmUpTex } from './katexRender';
import { keepClearOf } from './stickyStep';
import { createStepView, renderStep } from './stepView';
import { TablesView } from './tables';
import { Tooltips } from './tooltip';
import { vscodeApi } from './vscodeApi';
import { exampleText, IDLE_TEXT, positionText } from './wording';

const api = vscodeApi();
// Exercise mode: while a step is asked, the stepping buttons and keys rest (a right answer steps).
const exercise = new ExerciseBox((command, text) => api.postMessage({ type: 'exercise', command, ...(text !== undefined ? { text } : {}) }));
const run = (action: PanelAction) => {
  if (!exercise.asking) api.postMessage({ type: 'action', action });
};

const title = h('h2', { class: 'title' });
const file = h('span', { class: 'file' });
const example = h('span', { class: 'example' });
const cost = h('span', { class: 'cost' });
const position = h('p', { class: 'position' });
const header = h('header', {}, title, h('p', { class: 'meta' }, file, example, cost), position);
const toolbar = createToolbar(run);
const stepView = createStepView();
toolbar.append(exercise.startButton);
toolbar.append(createExportButton(() => api.postMessage({ type: 'export' })));
stepView.root.append(exercise.root);
const notices = h('div', { class: 'notices' });
const diagram = new DiagramView(h('div', { class: 'diagram-scroll' }));
const diagramFocus = new DiagramFocus(diagram.root);
// A resize can redraw the diagram between two views: its new nodes need names and tab stops again.
diagram.onBuilt((_svg, view, highlights) => diagramFocus.update(view, highlights));
// The step box stays at the top (sticky): following a cell keeps it below the box.
const tables = new TablesView({ topInset: keepClearOf(stepView.root).inset });
const numbers = h('div', { class: 'numbers' }, stepView.root, diagram.root, tables.root);
const problems = h('section', { class: 'problems', hidden: true, 'aria-label': 'Problems in the spec' });
const app = h('main', { id: 'app' }, header, toolbar, notices, problems, numbers);
document.body.append(app);
toolbar.after(exercise.summaryRoot);

let macros = installPalette();
/** The macros of an asked step: the theme's, and the box that stands for a factor not yet revealed. */
let questionMacros = { ...macros, ...HIDDEN_FACTOR_MACROS };
let last: ViewMessage | null = null;
const tooltips = new Tooltips(numbers, (message) => api.postMessage(message));
installKeys(run);
onThemeChange(() => {
  macros = installPalette();
  questionMacros = { ...macros, ...HIDDEN_FACTOR_MACROS };
  diagram.restyle();
  if (last) showView(last);
});

function showView(view: ViewMessage): void {
  last = view;
  problems.hidden = true;
  numbers.hidden = false;
  toolbar.hidden = !!view.exercise?.asking;
  exercise.render(view.exercise);
  title.textContent = view.networkName ?? 'Network';
  file.textContent = view.fileName;
  example.textContent = exampleText(view);
  cost.textContent = view.exampleCost === null ? 'cᵢ not yet computed' : `cᵢ = ${formatValue(view.exampleCost, view.digits)} · c = ${formatValue(view.meanCost, view.digits)}`;
  position.textContent = positionText(view);
  const noticeItems = [];
  if (view.failure) noticeItems.push(h('p', { class: 'notice error', role: 'alert' }, view.failure));
  for (const warning of view.warnings) noticeItems.push(h('p', { class: 'notice warning' }, `line ${warning.line + 1}: ${warning.message}`));
  replaceChildren(notices, ...noticeItems);

  const highlights = highlightsFor(view.step);
  renderStep(stepView, view.step, view.exercise?.asking ? questionMacros : macros, IDLE_TEXT, view.digits);
  // A rebuilt diagram has had its names and tab stops given already (onBuilt above).
  if (!diagram.render(view, highlights)) diagramFocus.update(view, highlights);
  tables.render(view, highlights);
  tooltips.setVersion(view.version, view.weightOrder);
  api.setState({ uri: view.uri, example: view.example, step: view.step?.index ?? -1 });
}

/** Clears what only a computed view may show, so no stale number survives into another state. */
function hideNumbers(): void {
  example.textContent = '';
  cost.textContent = '';
  numbers.hidden = true;
  toolbar.hidden = true;
}

function showProblems(message: ProblemsMessage): void {
  file.textContent = message.fileName;
  position.textContent = message.problems.some((p) => p.severity === 'error')
    ? 'The spec has errors; the numbers come back when they are fixed.'
    : 'No numbers yet.';
  hideNumbers();
  problems.hidden = false;
  replaceChildren(notices);
  const items = message.problems.map((p) => {
    const button = h('button', { type: 'button', class: 'problem-link', 'aria-label': `Show line ${p.line + 1} in the spec` }, `line ${p.line + 1}`);
    button.addEventListener('click', () => api.postMessage({ type: 'revealProblem', line: p.line, character: p.character }));
    return h('li', { class: `problem ${p.severity}` }, button, ' ', h('span', {}, p.message));
  });
  replaceChildren(problems, h('h3', {}, 'Problems in the spec'), h('ul', {}, ...items));
}

window.addEventListener('message', (event: MessageEvent<ExtensionToPanel>) => {
  const message = event.data;
  switch (message.type) {
    case 'view':
      showView(message);
      break;
    case 'problems':
      showProblems(message);
      break;
    case 'description':
      tooltips.receive(message);
      break;
  }
});

api.postMessage({ type: 'ready' });
// While the extension prepares the first view: KaTeX and the canvas font are slow only the first time.
warmUpTex(macros);
diagram.warmUp();
