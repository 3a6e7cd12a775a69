/**
 * Makes every stepping command visible. A command that changes nothing (Step at the end of the
 * trace, Next Example with one example, Step Back before the first step, any step while the
 * spec does not run) says why, in an information message. A command that moves a spec whose
 * panel is not on screen (a key in the editor, a hover's or a lens's link) offers to open the
 * panel — once, with an "Open Panel" button — and after that shows each new position in the
 * status bar, so as not to nag. The offer is made again only after the panel has been seen
 * on screen during a step. The wordings are in src/extension/stepping/stepMessages.ts.
 */
import type * as vscode from 'vscode';
import { samePosition, type StepMove, type StepPosition } from '../../core/stepping/position';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Notices } from '../notices';
import type { StepPositions } from '../stepping/stepPositions';
import { hiddenPanelMessage, hiddenPanelStatus, OPEN_PANEL, unmovedMessage, type StepSituation } from '../stepping/stepMessages';
import type { PanelManager } from './panelManager';
import { fileName } from './stepperPanel';

export interface StepFeedbackDeps {
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly notices: Notices;
  readonly panels: Pick<PanelManager, 'panelFor' | 'open'>;
  /** Whether a debug session runs on the spec: its own views then show where the learner is. */
  readonly debugging?: (document: vscode.TextDocument) => boolean;
}

export class StepFeedback {
  /** Specs (URI strings) whose hidden panel has been offered since it was last seen on screen. */
  private readonly offered = new Set<string>();

  constructor(private readonly deps: StepFeedbackDeps) {}

  /** After a move from `before` to `after` (the same position when nothing moved). */
  afterMove(document: vscode.TextDocument, move: StepMove, before: StepPosition, after: StepPosition): void {
    if (samePosition(before, after)) {
      void this.deps.notices.inform(unmovedMessage(move, this.situation(document)));
      return;
    }
    this.showWhereHidden(document);
  }

  /** After a jump to a quantity (a hover's or lens's "Step to …"), moved or not. */
  afterStepTo(document: vscode.TextDocument): void {
    this.showWhereHidden(document);
  }

  /** If the spec's panel is not on screen: the offer to open it, or (once offered) a status line. */
  private showWhereHidden(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.deps.debugging?.(document)) return;
    const panel = this.deps.panels.panelFor(document.uri);
    if (panel?.panel.visible) {
      this.offered.delete(key);
      return;
    }
    const situation = this.situation(document);
    const symbol = this.deps.positions.view(document).step?.symbolText ?? null;
    if (this.offered.has(key)) {
      this.deps.notices.setStatus(hiddenPanelStatus(situation, symbol));
      return;
    }
    this.offered.add(key);
    void this.deps.notices.inform(hiddenPanelMessage(situation, symbol, panel !== undefined), OPEN_PANEL).then((choice) => {
      if (choice === OPEN_PANEL) this.deps.panels.open(document, false);
    });
  }

  private situation(document: vscode.TextDocument): StepSituation {
    const analysis = this.deps.analyses.get(document);
    const { position, trace } = this.deps.positions.view(document);
    return {
      fileName: fileName(document.uri),
      position,
      exampleCount: analysis.exampleCount,
      stepCount: analysis.engine && trace ? trace.length : null,
      skipped: analysis.skipped,
    };
  }
}
