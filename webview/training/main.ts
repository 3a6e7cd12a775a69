/**
 * The Training panel's browser code (bundled to dist/trainingView.js). It posts `ready`, then
 * draws what the extension sends (src/shared/trainingMessages.ts): the run, its progress as
 * cost and gradient-norm curves, how it finished, and snapshots of the network at the step the
 * scrubber is on. It never trains or evaluates the network: every number arrives computed.
 *
 * Pacing, so a fast run cannot flood the page or the extension:
 *   charts      redrawn on an animation frame, at most 10 times a second (FrameThrottle);
 *   scrub       at most one request every 200 ms, always for the latest step (LatestWins);
 *   summary     the screen-reader summary changes at most every 4 s while training, and at once
 *               when the run ends.
 * Every incoming message is checked first (incoming.ts); anything malformed is ignored.
 */
import type { TrainingFinished, TrainingProgress, TrainingRenamed, TrainingRun, TrainingSnapshot, TrainingToExtension } from '../../src/shared/trainingMessages';
import { h } from '../dom';
import { keptState, trainingApi } from './api';
import { Charts } from './charts';
import { Controls } from './controls';
import { RunHistory } from './history';
import { parseIncoming } from './incoming';
import { PictureView } from './pictureView';
import { Scrubber } from './scrubber';
import { summaryFacts, summaryText } from './summary';
import { onThemeChange } from '../themeColours';
import { readFont, readPalette } from './theme';
import { FrameThrottle, LatestWins } from './throttle';
import { controlState, phaseOf, RESTORED_TEXT, runText, scrubText, scrubValueText, statusText, titleText, type Phase } from './wording';

const SCRUB_INTERVAL_MS = 200;
const SUMMARY_INTERVAL_MS = 4_000;

const api = trainingApi();
const post = (message: TrainingToExtension) => api.postMessage(message);

let run: TrainingRun | null = null;
let history: RunHistory | null = null;
let snapshot: TrainingSnapshot | null = null;
let phase: Phase = 'waiting';
let cancelAsked = false;
let retrainAsked = false;

const title = h('h2', { class: 'title' }, 'Training');
const runLine = h('p', { class: 'meta' });
// Says why a panel restored after a reload is training again; empty (and hidden) otherwise.
const restoredLine = h('p', { class: 'restored', hidden: '' });
const status = h('p', { class: 'status' }, statusText({ phase, done: 0, steps: 0, throughput: 0, finished: null }));
// Present for assistive technology, invisible on screen: the charts' story in words.
const summary = h('div', { class: 'visually-hidden', id: 'training-summary', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });

const scrubRequests = new LatestWins<number>(SCRUB_INTERVAL_MS, (step) => post({ type: 'scrub', step }));
// Paced without a value: the summary is worked out only when it is about to be spoken (it scans
// the validation costs for the best one), not for every progress message.
const summaryUpdates = new LatestWins<null>(SUMMARY_INTERVAL_MS, () => {
  if (run && history) summary.textContent = summaryText(summaryFacts(history, phase, run.digits));
});
let kept = keptState(api.getState());
/** Keeps part of the page's state across its being discarded and loaded again. */
function keep(change: Partial<typeof kept>): void {
  kept = { ...kept, ...change };
  api.setState(kept);
}
/** The step to go back to once the history has caught up, when this page shows a run again. */
let restoreStep: number | null = null;
const scrubber = new Scrubber((step) => {
  scrubRequests.push(step);
  keep({ step: scrubber.following ? null : step });
  showStep();
});
const charts = new Charts(kept.scale, (step) => scrubber.moveTo(step), (scale) => keep({ scale }));
const picture = new PictureView();
const controls = new Controls(post, () => scrubber.value, (what) => {
  if (what === 'cancel') cancelAsked = true;
  else retrainAsked = true;
  updateControls();
});
const redraw = new FrameThrottle(() => {
  charts.refresh();
  showStatus();
});

const header = h('header', {}, title, runLine, restoredLine, status, controls.runRow);
const scrub = h('section', { class: 'scrub', 'aria-label': 'Scrub through the steps' }, scrubber.root, controls.stepRow);
const app = h('main', { id: 'training' }, header, charts.root, scrub, picture.root, summary);
document.body.append(app);

function applyTheme(): void {
  const palette = readPalette();
  const font = readFont();
  charts.style(palette, font);
  picture.setStyle({ palette, font });
}

function showStatus(): void {
  if (!history) return;
  status.textContent = statusText({ phase, done: history.done, steps: history.steps, throughput: history.throughput, finished: history.finished });
}

function updateControls(): void {
  const state = controlState({
    phase, step: scrubber.value, done: history?.done ?? 0, divergedAt: history?.finished?.divergedAt ?? null, cancelAsked, retrainAsked,
  });
  controls.update(state);
  scrubber.setEnabled(state.scrubberEnabled);
}

/** The scrubber's readout, the charts' marker and the buttons, for the step it is on. */
function showStep(): void {
  if (!run || !history) return;
  const t = scrubber.value;
  // The history has every cost it received; the cost after the very last step done arrives with
  // the next progress message, or in the snapshot of that step.
  const fromSnapshot = snapshot?.step === t ? snapshot : null;
  const facts = {
    step: t,
    steps: run.steps,
    digits: run.digits,
    cost: history.costAt(t) ?? fromSnapshot?.cost ?? null,
    validationCost: run.hasValidation ? (history.validationAt(t) ?? fromSnapshot?.validationCost ?? null) : undefined,
  };
  scrubber.show(scrubText(facts), scrubValueText(facts));
  charts.setMarker(t);
  updateControls();
}

function tellSummary(now: boolean): void {
  summaryUpdates.push(null);
  if (now) summaryUpdates.flush();
}

/** After the run grew: a scrubber resting on the last step moves along and asks for that step. */
function followRun(): void {
  if (history && scrubber.setDone(history.done) && scrubber.following && run?.picture !== 'none') scrubRequests.push(scrubber.value);
  if (history && restoreStep !== null && history.done >= restoreStep) {
    const step = restoreStep;
    restoreStep = null;
    scrubber.moveTo(step);
  }
  showStep();
}

function onRun(message: TrainingRun): void {
  run = message;
  history = new RunHistory(message);
  snapshot = null;
  phase = 'running';
  cancelAsked = false;
  retrainAsked = false;
  title.textContent = titleText(message);
  runLine.textContent = runText(message);
  restoredLine.textContent = message.restored ? RESTORED_TEXT : '';
  restoredLine.hidden = !message.restored;
  scrubRequests.cancel();
  scrubber.reset();
  // The same run again (the page was hidden and loaded anew), or the run trained again after a
  // window reload: back to the step it rested on.
  restoreStep = kept.runId === message.id || message.restored ? kept.step : null;
  keep({ runId: message.id, step: restoreStep, uri: message.uri });
  charts.setRun(history);
  picture.setRun(message);
  if (message.picture !== 'none') scrubRequests.push(0);
  showStatus();
  showStep();
  tellSummary(true);
}

function onProgress(message: TrainingProgress): void {
  if (!history || history.finished) return;
  history.apply(message);
  followRun();
  redraw.request();
  tellSummary(false);
}

function onFinished(message: TrainingFinished): void {
  if (!history) return;
  history.finish(message);
  phase = phaseOf(message);
  cancelAsked = false;
  followRun();
  scrubRequests.flush();
  redraw.request();
  showStatus();
  tellSummary(true);
}

function onSnapshot(message: TrainingSnapshot): void {
  if (!history) return;
  snapshot = message;
  picture.show(message);
  showStep();
}

/** The spec was renamed: the same run under its new name, and a reload restores the panel on the new URI. */
function onRenamed(message: TrainingRenamed): void {
  if (!run) return;
  run = { ...run, uri: message.uri, fileName: message.fileName };
  title.textContent = titleText(run);
  keep({ uri: message.uri });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseIncoming(event.data);
  if (!message) return;
  switch (message.type) {
    case 'run':
      return onRun(message);
    case 'progress':
      return onProgress(message);
    case 'finished':
      return onFinished(message);
    case 'snapshot':
      return onSnapshot(message);
    case 'renamed':
      return onRenamed(message);
  }
});

// The charts and the picture take the panel's width: a narrow editor column gets narrow charts.
// Resized on the next frame, not inside the observer: resizing changes the page's height, and
// doing it during the observer's delivery would notify it again in the same frame (a loop error).
let pendingWidth: number | null = null;
new ResizeObserver((entries) => {
  const scheduled = pendingWidth !== null;
  pendingWidth = entries[entries.length - 1]?.contentRect.width ?? 0;
  if (scheduled) return;
  requestAnimationFrame(() => {
    const width = pendingWidth ?? 0;
    pendingWidth = null;
    charts.resize(width);
    picture.resize(width);
  });
}).observe(app);

applyTheme();
onThemeChange(applyTheme);
updateControls();
post({ type: 'ready' });
