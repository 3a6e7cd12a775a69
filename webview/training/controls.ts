/**
 * The panel's buttons: Step through this step and Apply these parameters (beside the scrubber:
 * they act on its step), Cancel while the run goes and Train again once it has ended. Which of
 * them work is decided in wording.ts (controlState); here they are only built and set. A button
 * that cannot be used says why in its tooltip. When the run ends while Cancel has the focus, the
 * focus moves to Train again, which takes its place, instead of falling back to the page.
 */
import type { TrainingToExtension } from '../../src/shared/trainingMessages';
import { h } from '../dom';
import type { ControlState } from './wording';

export class Controls {
  readonly stepRow: HTMLElement;
  readonly runRow: HTMLElement;
  private readonly stepThrough: HTMLButtonElement;
  private readonly apply: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly retrain: HTMLButtonElement;

  constructor(post: (message: TrainingToExtension) => void, step: () => number, asked: (what: 'cancel' | 'retrain') => void) {
    const button = (text: string, cls: string) => h('button', { type: 'button', class: `control ${cls}`, disabled: true }, text);
    this.stepThrough = button('Step through this step', 'step-through');
    this.apply = button('Apply these parameters', 'apply');
    this.cancel = button('Cancel', 'cancel');
    this.retrain = button('Train again', 'retrain primary');
    this.stepThrough.addEventListener('click', () => post({ type: 'stepThrough', step: step() }));
    this.apply.addEventListener('click', () => post({ type: 'apply', step: step() }));
    this.cancel.addEventListener('click', () => {
      asked('cancel');
      post({ type: 'cancel' });
    });
    this.retrain.addEventListener('click', () => {
      asked('retrain');
      post({ type: 'retrain' });
    });
    this.stepRow = h('div', { class: 'actions', role: 'group', 'aria-label': 'The parameters at this step' }, this.stepThrough, this.apply);
    this.runRow = h('div', { class: 'actions', role: 'group', 'aria-label': 'The training run' }, this.cancel, this.retrain);
  }

  update(state: ControlState): void {
    const hadFocus = document.activeElement === this.cancel;
    for (const b of [this.stepThrough, this.apply]) {
      b.disabled = !state.useStep;
      b.title = state.useStepReason ?? '';
    }
    this.cancel.hidden = !state.cancelShown;
    this.cancel.disabled = !state.cancelEnabled;
    this.retrain.hidden = !state.retrainShown;
    this.retrain.disabled = !state.retrainEnabled;
    if (hadFocus && this.cancel.hidden && !this.retrain.hidden) this.retrain.focus();
  }
}
