import * as vscode from 'vscode';
import { Disposable } from '../dispose';
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
 * analysis rather than analysing each keystroke's version. Registered, behind the error
 * boundary (guard.ts), in registerEditorFeatures.ts.
 */
export class SpecCodeLensProvider extends Disposable implements vscode.CodeLensProvider<SpecCodeLens> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    const refresh = () => this.changed.fire();
    this.register(services.analyses.onDidChange(refresh));
    this.register(services.positions.onDidChange(refresh));
    this.register(services.settings.onDidChange(refresh));
    this.register(services.exerciseMode.onDidChange(refresh));
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
}
