/**
 * *Backprop: Go to Example…*: a quick pick of every example of a spec — its number, x, y, cost
 * cᵢ and where it came from (examplePicks.ts builds the rows) — in spec order or with the
 * worst-fit examples first. Choosing one moves the stepping position there through the same
 * path as *Trace this example* (commands.ts), so the panel, hovers and lenses follow.
 *
 * The sort is a button on the pick, and, for the keyboard (VS Code's Tab does not reach a quick
 * pick's title buttons), the command's own key pressed again while the pick is open: the
 * context key EXAMPLE_PICK_OPEN lets package.json bind it there.
 */
import * as vscode from 'vscode';
import type { SpecAnalysis } from '../analysis/analyse';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Guard } from '../guard';
import type { Notices } from '../notices';
import type { Settings } from '../settings';
import type { StepPositions } from '../stepping/stepPositions';
import { buildExamplePicks, examplePick, numberedExample, type ExampleOrder, type ExamplePick, type ExamplePicks } from './examplePicks';

/** True while the Go to Example pick is on screen (package.json's `when` clauses read it). */
export const EXAMPLE_PICK_OPEN = 'backpropStepper.examplePickOpen';

/** A row of the pick: an example, or (example null) the note that counts the examples not listed. */
export interface ExamplePickItem extends vscode.QuickPickItem {
  readonly example: number | null;
}

export interface GoToExampleDeps {
  readonly analyses: SpecAnalyses;
  readonly positions: StepPositions;
  readonly settings: Settings;
  readonly notices: Notices;
  readonly guard: Guard;
  /** Moves the stepping position of `document` to `example` (0-based) and shows its panel. */
  showExample(document: vscode.TextDocument, example: number): void;
}

const SORT_BY_COST: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('sort-precedence'), tooltip: 'Sort by cost, worst first' };
const SORT_IN_SPEC_ORDER: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('list-ordered'), tooltip: 'Sort in spec order' };

/** Why a spec has no examples to list, for each reason its engine did not run. */
const NO_NUMBERS: Record<NonNullable<SpecAnalysis['skipped']>, string> = {
  errors: 'Go to Example needs the examples’ costs, and the spec has errors: fix them (see the Problems panel) first.',
  pending: 'This spec’s numbers are still being computed; Go to Example can list its examples as soon as they are ready.',
  'too-large': 'This network is too large to backpropagate interactively, so its examples have no costs to list.',
  'no-examples': 'The spec has no examples yet: add an `example` or `data` line.',
  'internal-error': 'Backprop Stepper hit a bug with this spec; the details are in Output › Backprop Stepper.',
};

interface OpenPick {
  readonly pick: vscode.QuickPick<ExamplePickItem>;
  readonly document: vscode.TextDocument;
  readonly analysis: SpecAnalysis;
  order: ExampleOrder;
  /** The rows of `order`, without the row of a typed number. */
  listed: ExamplePickItem[];
  /** The example whose row a typed number put above `listed`, if any. */
  extra: number | null;
}

export class ExamplePicker implements vscode.Disposable {
  private open: OpenPick | null = null;

  constructor(private readonly deps: GoToExampleDeps) {}

  get isOpen(): boolean {
    return this.open !== null;
  }

  /**
   * Shows the pick of `document`'s examples, in spec order with the current example active.
   * Returns the quick pick (the in-editor tests read its rows), or undefined when the spec has
   * no numbers, after saying why.
   */
  show(document: vscode.TextDocument): vscode.QuickPick<ExamplePickItem> | undefined {
    this.open?.pick.hide();
    const analysis = this.deps.analyses.get(document);
    if (!analysis.engine || !analysis.network) {
      void this.deps.notices.inform(NO_NUMBERS[analysis.skipped ?? 'errors']);
      return undefined;
    }
    const pick = vscode.window.createQuickPick<ExamplePickItem>();
    const open: OpenPick = { pick, document, analysis, order: 'spec', listed: [], extra: null };
    this.open = open;
    pick.placeholder = 'Filter by x, y, cᵢ or where an example came from, or type an example’s number';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    // (Filtering keeps this order for rows matched on x, y, cᵢ or origin; VS Code re-sorts only
    // rows whose label matches, i.e. a typed "example 12", and sortByLabel is not public API.)
    const guarded = <A extends unknown[]>(doing: string, body: (...args: A) => void) => this.deps.guard.wrap(doing, () => undefined, body);
    pick.onDidTriggerButton(guarded('sorting the Go to Example list', () => this.toggleOrder()));
    pick.onDidChangeValue(guarded('filtering the Go to Example list', (value: string) => this.offerNumbered(open, value)));
    pick.onDidAccept(guarded('going to the chosen example', () => this.accept(open)));
    pick.onDidHide(() => {
      pick.dispose();
      if (this.open === open) {
        this.open = null;
        void vscode.commands.executeCommand('setContext', EXAMPLE_PICK_OPEN, false);
      }
    });
    this.fill(open);
    const current = open.listed.find((item) => item.example === this.currentExample(open));
    if (current) pick.activeItems = [current];
    pick.show();
    void vscode.commands.executeCommand('setContext', EXAMPLE_PICK_OPEN, true);
    return pick;
  }

  /** Switches the open pick between spec order and worst first (the button, or the command's key again). */
  toggleOrder(): vscode.QuickPick<ExamplePickItem> | undefined {
    const open = this.open;
    if (!open) return undefined;
    open.order = open.order === 'spec' ? 'cost' : 'spec';
    this.fill(open);
    return open.pick;
  }

  dispose(): void {
    this.open?.pick.dispose();
    this.open = null;
  }

  private currentExample(open: OpenPick): number {
    return this.deps.positions.get(open.document).example;
  }

  private picks(open: OpenPick): ExamplePicks {
    const { network, engine } = open.analysis;
    return buildExamplePicks({
      network: network!,
      costs: engine!.costs,
      source: open.analysis.source,
      current: this.currentExample(open),
      digits: this.deps.settings.current.significantDigits,
      order: open.order,
    });
  }

  /** (Re)writes the rows, title and button for the pick's order; the filter typed so far stays. */
  private fill(open: OpenPick): void {
    const { items, total, omitted } = this.picks(open);
    open.listed = items.map(toItem);
    if (omitted > 0) {
      open.listed.push({
        example: null,
        label: `$(info) ${count(omitted)} more examples are not listed`,
        detail: open.order === 'spec' ? 'Type an example’s number to go to it, or sort by cost to list the worst-fit ones' : 'Type an example’s number to go to it',
        alwaysShow: true,
      });
    }
    const how = open.order === 'cost' ? 'worst fit first' : 'in spec order';
    const listed = omitted > 0 ? `${count(total - omitted)} of ${count(total)} listed` : `${count(total)} example${total === 1 ? '' : 's'}`;
    open.pick.title = `Go to Example · ${listed}, ${how}`;
    open.pick.buttons = [open.order === 'spec' ? SORT_BY_COST : SORT_IN_SPEC_ORDER];
    this.offerNumbered(open, open.pick.value, true);
  }

  /**
   * A typed number names an example the capped list may not hold: that example's row goes on
   * top. The rows are re-sent only when that extra row changes (or `force`, after a refill):
   * thousands of rows on every keystroke would not be free.
   */
  private offerNumbered(open: OpenPick, value: string, force = false): void {
    const { network, engine, source } = open.analysis;
    const example = numberedExample(value, engine!.costs.length);
    const extra = example !== null && !open.listed.some((item) => item.example === example) ? example : null;
    if (!force && extra === open.extra) return;
    open.extra = extra;
    if (extra === null) {
      open.pick.items = open.listed;
      return;
    }
    const digits = this.deps.settings.current.significantDigits;
    const row = examplePick({ network: network!, costs: engine!.costs, source, current: this.currentExample(open), digits }, extra);
    open.pick.items = [{ ...toItem(row), alwaysShow: true }, ...open.listed];
  }

  private accept(open: OpenPick): void {
    const chosen = open.pick.selectedItems[0] ?? open.pick.activeItems[0];
    if (!chosen || chosen.example === null) return; // the note row: stay open
    open.pick.hide();
    this.deps.showExample(open.document, chosen.example);
  }
}

function toItem(row: ExamplePick): ExamplePickItem {
  return { example: row.example, label: row.label, description: row.description, detail: row.detail };
}

/** 100000 → "100,000": counts in the title and the note. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}
