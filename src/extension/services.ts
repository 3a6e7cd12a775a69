import * as vscode from 'vscode';
import { SpecAnalyses } from './analysis/specAnalyses';
import type { Toolchain } from './analysis/toolchain';
import { Log } from './log';
import { Settings } from './settings';
import { StepPositions } from './stepping/stepPositions';

/**
 * The services every feature builds on, created once at activation:
 * - `analyses`  — the one analysis per spec version (parse, engine result, traces);
 * - `positions` — the learner's stepping position per spec;
 * - `settings`  — the validated `backpropStepper.*` settings;
 * - `log`       — the "Backprop Stepper" output channel, for the extension's own bugs.
 * Features take what they need from here; none of them parses or runs the engine itself.
 */
export interface Services {
  readonly log: Log;
  readonly settings: Settings;
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
}

/** Creates the services; everything they own is disposed with `subscriptions`. */
export function createServices(toolchain: Toolchain, subscriptions: vscode.Disposable[]): Services {
  const log = new Log();
  const settings = new Settings();
  const analyses = new SpecAnalyses(toolchain, settings, log);
  const positions = new StepPositions(analyses, settings);
  // Disposed in reverse order of dependence: positions listen to analyses, analyses use the log.
  subscriptions.push(positions, analyses, settings, log);
  return { log, settings, analyses, positions };
}
