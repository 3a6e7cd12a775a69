/**
 * Exercise mode in the editor (*Backprop: Start Exercise*): one exercise per spec, run in its
 * stepping panel. The learner chooses what to practise (the forward pass, the backward pass or
 * one of its layers, the gradient step, or the whole example); each step of it is then asked in
 * turn. A right answer moves the stepping position onto the asked step, so the panel, the tables
 * and the editor learn its value exactly as Step would show it; a wrong one is judged against
 * the catalogue of mistakes (src/core/exercise/), and Hint reveals one factor at a time.
 *
 * The stepping position stays one step before the asked one: what the panel, the lenses and the
 * debugger show is what the stepping snapshot knows there, so the asked value is never among
 * it. Moving the position by other means (a key in the editor) moves the exercise with it;
 * steps jumped over count as skipped.
 */
import * as vscode from 'vscode';
import { hintFeedback, revealFeedback, verdictFeedback } from '../../core/exercise/feedback';
import { judge, questionFor, type Question } from '../../core/exercise/judge';
import { exerciseScopes, type ExerciseScope } from '../../core/exercise/scopes';
import { answeredRight, answeredWrong, ended, follow, hinted, revealed, startSession, type ExerciseSession } from '../../core/exercise/session';
import { StepSnapshot } from '../../core/stepping/snapshot';
import type { Trace } from '../../core/trace/types';
import type { ExerciseCommand } from '../../shared/panelMessages';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { Disposable } from '../dispose';
import type { Settings } from '../settings';
import type { ExerciseMode } from '../stepping/exerciseMode';
import type { StepPositions } from '../stepping/stepPositions';

export interface ExercisesDeps {
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly settings: Settings;
  /** Told whether each spec's exercise is asking, so the editor's numbers hold back the same. */
  readonly mode: ExerciseMode;
  /** Shows the spec's panel, with focus, where the exercise runs. */
  open(document: vscode.TextDocument): void;
}

export class Exercises extends Disposable {
  private readonly sessions = new Map<string, ExerciseSession>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** A spec's exercise changed (started, answered, hinted, ended or closed). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: ExercisesDeps) {
    super();
    this.register(deps.positions.onDidChange(({ uri }) => this.followPosition(uri)));
    this.register(
      deps.analyses.onDidClose((uri) => {
        this.sessions.delete(uri.toString());
        deps.mode.set(uri, false);
      }),
    );
  }

  /** The exercise of a spec: running, or ended with its summary still shown; null when none. */
  session(uri: vscode.Uri): ExerciseSession | null {
    return this.sessions.get(uri.toString()) ?? null;
  }

  /**
   * Starts an exercise on the example being stepped: over the scope `scopeId` (see
   * src/core/exercise/scopes.ts), else the one the learner picks. Returns the session, or null
   * when the spec cannot run or the pick was dismissed.
   */
  async start(document: vscode.TextDocument, scopeId?: string): Promise<ExerciseSession | null> {
    const trace = this.trace(document);
    if (!trace) {
      void vscode.window.showInformationMessage('The spec has no numbers to practise on yet: fix its errors, or add an example.');
      return null;
    }
    const scopes = exerciseScopes(trace);
    const scope = scopeId ? scopes.find((s) => s.id === scopeId) : await pickScope(scopes);
    if (!scope) return null;
    const session = startSession(scope);
    this.sessions.set(document.uri.toString(), session);
    this.deps.mode.set(document.uri, true);
    this.deps.open(document);
    this.deps.positions.set(document, { example: this.deps.positions.get(document).example, step: scope.start - 1 });
    this.changed.fire(document.uri);
    return session;
  }

  /** What the panel's exercise box asks for; `text` is the typed answer of `answer`. */
  async command(document: vscode.TextDocument, command: ExerciseCommand, text = ''): Promise<void> {
    switch (command) {
      case 'start':
        await this.start(document);
        return;
      case 'answer':
        this.answer(document, text);
        return;
      case 'hint':
        this.hint(document);
        return;
      case 'reveal':
        this.reveal(document);
        return;
      case 'end':
        this.update(document, (session) => ended(session));
        return;
      case 'close':
        this.sessions.delete(document.uri.toString());
        this.deps.mode.set(document.uri, false);
        this.changed.fire(document.uri);
        return;
    }
  }

  answer(document: vscode.TextDocument, text: string): void {
    const asked = this.question(document);
    if (!asked) return;
    const { session, question } = asked;
    const verdict = judge(text, question);
    const wrongBefore = session.records.get(question.step.index)?.wrong ?? 0;
    const feedback = verdictFeedback(verdict, question, wrongBefore);
    const symbol = question.step.symbolText;
    if (verdict.kind === 'right') {
      this.set(document, answeredRight(session, symbol, feedback));
      this.moveTo(document, question.step.index);
    } else {
      const counted = verdict.kind === 'wrong' || verdict.kind === 'mistake';
      this.set(document, answeredWrong(session, symbol, feedback, counted, verdict.kind === 'mistake' ? verdict.mistakes.map((m) => m.id) : []));
    }
  }

  hint(document: vscode.TextDocument): void {
    const asked = this.question(document);
    if (!asked) return;
    const { session, question } = asked;
    const n = Math.min(session.hints + 1, Math.max(1, question.step.factors.length));
    this.set(document, hinted(session, question.step.symbolText, question.step.factors.length, hintFeedback(question, n)));
  }

  reveal(document: vscode.TextDocument): void {
    const asked = this.question(document);
    if (!asked) return;
    this.set(document, revealed(asked.session, asked.question.step.symbolText, revealFeedback(asked.question)));
    this.moveTo(document, asked.question.step.index);
  }

  private update(document: vscode.TextDocument, change: (session: ExerciseSession) => ExerciseSession): void {
    const session = this.session(document.uri);
    if (session) this.set(document, change(session));
  }

  private set(document: vscode.TextDocument, session: ExerciseSession): void {
    this.sessions.set(document.uri.toString(), session);
    this.deps.mode.set(document.uri, session.asked !== null);
    this.changed.fire(document.uri);
  }

  /** Puts the stepping position on `step`: the asked step is now known, the next one is asked. */
  private moveTo(document: vscode.TextDocument, step: number): void {
    this.deps.positions.set(document, { example: this.deps.positions.get(document).example, step });
  }

  private trace(document: vscode.TextDocument): Trace | null {
    const { significantDigits, weightOrder } = this.deps.settings.current;
    const analysis = this.deps.analyses.get(document);
    return analysis.engine ? analysis.trace(this.deps.positions.get(document).example, significantDigits, weightOrder) : null;
  }

  /** The asked step as a question, from the numbers the stepping snapshot knows before it. */
  private question(document: vscode.TextDocument): { session: ExerciseSession; question: Question } | null {
    const session = this.session(document.uri);
    const engine = this.deps.analyses.get(document).engine;
    const trace = this.trace(document);
    if (!session || session.asked === null || !engine || !trace || session.asked >= trace.length) return null;
    const { significantDigits, weightOrder } = this.deps.settings.current;
    const snapshot = new StepSnapshot(trace, engine, session.asked - 1);
    return { session, question: questionFor(trace.step(session.asked), snapshot, significantDigits, weightOrder) };
  }

  private followPosition(uri: vscode.Uri): void {
    const session = this.session(uri);
    const document = this.deps.analyses.documentFor(uri);
    if (!session || session.asked === null || !document) return;
    const trace = this.trace(document);
    if (!trace) return;
    const next = follow(session, this.deps.positions.get(document).step, (index) => (index < trace.length ? trace.step(index).symbolText : ''));
    if (next !== session) this.set(document, next);
  }
}

interface ScopeItem extends vscode.QuickPickItem {
  readonly scope: ExerciseScope;
}

async function pickScope(scopes: readonly ExerciseScope[]): Promise<ExerciseScope | undefined> {
  const items: ScopeItem[] = scopes.map((scope) => ({ label: scope.label, detail: scope.detail, scope }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'Start Exercise', placeHolder: 'What to practise: each step is asked in turn', matchOnDetail: true });
  return chosen?.scope;
}
