import * as vscode from 'vscode';
import { AnalysisProgress } from './analysis/analysisProgress';
import type { AnalysisRunner } from './analysis/latestWins';
import { SpecAnalyses } from './analysis/specAnalyses';
import type { Toolchain } from './analysis/toolchain';
import type { SpecJob, WorkerOutcome } from './analysis/worker/wire';
import { Guard } from './guard';
import { Log } from './log';
import { Notices } from './notices';
import { Settings } from './settings';
import { ExerciseMode } from './stepping/exerciseMode';
import { StepPositions } from './stepping/stepPositions';

/**
 * The services every feature builds on, created once at activation:
 * - `analyses`  — the one analysis per spec version (parse, engine result, traces);
 * - `positions` — the learner's stepping position per spec;
 * - `settings`  — the validated `backpropStepper.*` settings;
 * - `log`       — the "Backprop Stepper" output channel, for the extension's own bugs;
 * - `guard`     — the error boundary every provider and the panel run in (guard.ts): a bug is
 *                 logged with its stack and costs one answer, not the feature;
 * - `notices`   — the short messages shown to the person (notifications, status-bar lines);
 * - `progress`  — the status bar item shown while the analysis worker takes a while;
 * - `exerciseMode` — which specs an exercise is asking on, so the editor's numbers hold back
 *                 what the panel hides (stepping/exerciseMode.ts).
 * Features take what they need from here; none of them parses or runs the engine itself.
 */
export interface Services {
  readonly log: Log;
  readonly guard: Guard;
  readonly settings: Settings;
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly notices: Notices;
  readonly progress: AnalysisProgress;
  readonly exerciseMode: ExerciseMode;
}

/**
 * Creates the services; everything they own is disposed with `subscriptions`. `runner` analyses
 * the specs too large to analyse on the extension host's thread (the worker pool, in main.ts).
 */
export function createServices(toolchain: Toolchain, runner: AnalysisRunner<SpecJob, WorkerOutcome>, subscriptions: vscode.Disposable[]): Services {
  const log = new Log();
  const guard = new Guard(log);
  const settings = new Settings();
  const analyses = new SpecAnalyses(toolchain, settings, log, runner);
  const progress = new AnalysisProgress(analyses.onWorkerActivity);
  const positions = new StepPositions(analyses, settings);
  const notices = new Notices();
  const exerciseMode = new ExerciseMode();
  // Disposed in reverse order of dependence: positions listen to analyses, analyses use the log.
  subscriptions.push(exerciseMode, notices, progress, positions, analyses, settings, log);
  return { log, guard, settings, analyses, positions, notices, progress, exerciseMode };
}
