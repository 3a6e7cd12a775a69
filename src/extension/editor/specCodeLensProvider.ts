import * as vscode from 'vscode';
import type { Services } from '../services';
import { toVscodeRange } from '../vscodeRanges';
import { editorStateOf } from './editorStateOf';
import type { EditorState } from './editorState';
import { lensPlan, resolveLens, type LensPlan, type LensSlot } from './lensContent';

/** Up to this many lenses (about 1,600 layers) are made whole when provided. */
const EAGER_LENSES = 5000;

/** A lens that knows how to make its own text, asked for only while it is in view. */
class SpecCodeLens extends vscode.CodeLens {
  constructor(
    readonly state: EditorState,
    readonly plan: LensPlan,
    readonly slot: LensSlot,
  ) {
    super(toVscodeRange(slot.range));
  }
}

/**
 * Code lenses above the network, layer and example lines (see lensContent.ts). They show the
 * stepping position's numbers, so they are re-asked for whenever the position moves, a new
 * analysis is ready, or a setting changes. A request made while typing waits for the debounced
 * analysis rather than analysing each keystroke's version.
 */
export class SpecCodeLensProvider implements vscode.CodeLensProvider<SpecCodeLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.analyses.onDidChange(() => this.changed.fire()),
      services.positions.onDidChange(() => this.changed.fire()),
      services.settings.onDidChange(() => this.changed.fire()),
      this.changed,
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<SpecCodeLens[]> {
    const analysis = await this.services.analyses.ready(document, token);
    if (analysis === undefined || token.isCancellationRequested) return [];
    const state = editorStateOf(this.services, document);
    const plan = lensPlan(state);
    const lenses = plan.slots.map((slot) => new SpecCodeLens(state, plan, slot));
    // An ordinary spec gets its lenses whole, at once; only a spec with thousands of layers leaves
    // them to be resolved as they come into view.
    if (lenses.length <= EAGER_LENSES) for (const lens of lenses) this.resolveCodeLens(lens);
    return lenses;
  }

  /** The text and command of a lens, made when VS Code shows it. */
  resolveCodeLens(lens: SpecCodeLens): SpecCodeLens {
    const content = resolveLens(lens.state, lens.plan, lens.slot);
    lens.command = {
      title: content.title,
      // A lens without a command is plain text; VS Code wants an empty command id for that.
      command: content.command ?? '',
      arguments: [...content.args],
      tooltip: content.tooltip,
    };
    return lens;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
