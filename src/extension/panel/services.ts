/** What a panel needs from the rest of the extension, gathered so panels can be built in one place. */
import type * as vscode from 'vscode';
import type { PanelAction } from '../../shared/panelMessages';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Guard } from '../guard';
import type { Settings } from '../settings';
import type { StepPositions } from '../stepping/stepPositions';
import type { Exercises } from './exercises';

export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly settings: Settings;
  /** The error boundary the panel's message handling and view building run in (guard.ts). */
  readonly guard: Guard;
  /** Runs a stepping action (or Apply Gradient Step) on a spec, as the commands do. */
  runAction(document: vscode.TextDocument, action: PanelAction): Promise<void>;
  /** Exercise mode: the exercise of each spec, which the panel shows and answers to. */
  readonly exercises: Exercises;
}
