/**
 * `learnerSuite` declares a learner's session as a node:test suite, once per theme (light, dark,
 * then high contrast): the steps run in order against one workbench, like a person working
 * through a task.
 *
 *   learnerSuite('Opening the example', (step) => {
 *     step('opens from the Explorer', async (session) => { await session.openFile('mazur.nnet'); … });
 *     step('…', async (session) => { … });
 *   });
 *
 * - each theme gets a fresh browser context and a fresh copy of examples/ (see LearnerSession);
 * - a failing step's error carries what was on screen and the browser console's errors, and a
 *   screenshot (`<suite>.failed-….<theme>.png`) is kept;
 * - after a failed step the rest of that theme's steps are skipped (they would fail for the
 *   same reason and hide the first cause);
 * - every suite ends with a step asserting that the browser console saw no errors and no
 *   Content-Security-Policy violations during the whole session.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eEnvironment, type Theme } from './environment';
import { LearnerSession } from './session';

export type Step = (name: string, body: (session: LearnerSession) => Promise<void>) => void;

export interface SuiteOptions {
  /** Folder to copy as the workspace instead of examples/. */
  readonly workspaceSource?: string;
}

export function learnerSuite(title: string, declare: (step: Step) => void, options: SuiteOptions = {}): void {
  for (const theme of e2eEnvironment().themes) declareThemeSuite(title, theme, declare, options);
}

function declareThemeSuite(title: string, theme: Theme, declare: (step: Step) => void, options: SuiteOptions): void {
  describe(`${title} [${theme}]`, () => {
    let session: LearnerSession | undefined;
    let broken: string | undefined;

    before(async () => {
      session = await LearnerSession.open({ theme, suite: title, workspaceSource: options.workspaceSource });
    });
    after(async () => {
      await session?.close();
    });

    const step: Step = (name, body) => {
      test(name, async (t) => {
        if (!session) throw new Error('the workbench did not open (see the suite hook failure)');
        if (broken) {
          t.skip(`an earlier step failed: ${broken}`);
          return;
        }
        try {
          await body(session);
        } catch (error) {
          broken = name;
          throw await session.withScreen(error, name);
        }
      });
    };
    declare(step);

    test('the browser console shows no errors and no Content-Security-Policy violations', () => {
      if (!session) throw new Error('the workbench did not open');
      const problems = session.consoleProblems();
      assert.equal(problems.length, 0, `the browser console reported:\n${problems.map((p) => `  [${p.kind}] ${p.text} (${p.where})`).join('\n')}`);
    });
  });
}
