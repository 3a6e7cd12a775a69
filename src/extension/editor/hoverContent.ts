import { isActivationName } from '../../core/activations/registry';
import { COSTS } from '../../core/costs/registry';
import type { SpecLocation } from '../../core/model/locate';
import type { Range } from '../../core/text/range';
import { b, layerText, w } from '../../core/notation';
import type { EngineSkip } from '../analysis/analyse';
import type { EditorState } from './editorState';
import { dataSetHover } from './dataHover';
import { dataSetOf } from './dataSetFacts';
import { blocks, heading, neuron } from './hoverParts';
import { activationFormulas, activationHover, biasesHover, layerHover, weightsHover } from './layerHover';
import { biasHover, otherOrderNote, weightHover } from './parameterHover';
import {
  costFormulas, costHover, exampleHover, inputHover, inputSymbol, learningRateHover, networkHover, seedHover, targetHover, targetSymbol,
} from './specHover';
import { trainingSettingHover } from './trainingHover';

/**
 * The hover for whatever `locate` found under the pointer: one Markdown string, built from the
 * shared analysis (nothing is recomputed). When the engine could not run — errors in the spec,
 * a network too large, no examples — the hover still names the symbol, and says why there are
 * no numbers.
 *
 * `textAt` reads the spec's text; only the activation or cost word under the pointer is read,
 * and only to show its formulas while the spec has errors (it is checked against the known
 * names, never shown as it stands), and a generated `data` line's `noise` and `seed` words
 * (shown escaped, dataHover.ts).
 */
export function hoverMarkdown(state: EditorState, location: SpecLocation, textAt: (range: Range) => string): string {
  const engine = state.analysis.engine;
  if (!engine) return blocks(symbolOnly(state, location, textAt), unavailable(state.analysis.skipped));
  // An exercise is asking a step: the hover names the symbol and leaves the numbers to the panel.
  if (state.exercising) return blocks(symbolOnly(state, location, textAt), EXERCISE_NOTE);
  switch (location.kind) {
    case 'weight':
      return weightHover(state, engine, location.layer, location.k, location.j);
    case 'bias':
      return biasHover(state, engine, location.layer, location.j);
    case 'layer':
      return layerHover(state, engine, location.layer);
    case 'activation':
      return activationHover(state, engine, location.layer);
    case 'weights':
      return weightsHover(state, engine, location.layer);
    case 'biases':
      return biasesHover(state, engine, location.layer);
    case 'network':
      return networkHover(state, engine);
    case 'cost':
      return costHover(state, engine);
    case 'learning-rate':
      return learningRateHover(state, engine);
    case 'seed':
      return seedHover();
    case 'training':
      return trainingSettingHover(location.setting);
    case 'example': {
      // A `data` line stands for its first example in `locate`; its hover is about the whole set.
      const set = dataSetOf(state.analysis.source, location.example - 1);
      return set ? dataSetHover(state, set, textAt) : exampleHover(state, engine, location.example);
    }
    case 'input':
      return inputHover(state, engine, location.example, location.k);
    case 'target':
      return targetHover(state, engine, location.example, location.j);
  }
}

const EXERCISE_NOTE = '_An exercise is running on this spec: its numbers are in the panel, as far as you have answered._';

/** What the thing under the pointer is, without any number. */
function symbolOnly(state: EditorState, location: SpecLocation, textAt: (range: Range) => string): string {
  switch (location.kind) {
    case 'weight':
      return blocks(
        heading(w(location.layer, location.k, location.j, state.weightOrder).text, `the weight from ${neuron(location.k, location.layer - 1)} to ${neuron(location.j, location.layer)}`),
        otherOrderNote(state.weightOrder, location.layer, location.k, location.j),
      );
    case 'bias':
      return heading(b(location.layer, location.j).text, `the bias of ${neuron(location.j, location.layer)}`);
    case 'layer':
      return heading(`layer ${location.layer}`, location.layer === 0 ? 'the inputs' : `its neurons' z${layerText(location.layer)}, a${layerText(location.layer)} and δ${layerText(location.layer)}`);
    case 'activation': {
      const word = textAt(location.range).trim();
      return isActivationName(word)
        ? activationFormulas(word, location.layer)
        : heading('activation', `the activation σ of layer ${location.layer}`);
    }
    case 'weights':
      return heading(`w${layerText(location.layer)}`, `the weights into layer ${location.layer}`);
    case 'biases':
      return heading(`b${layerText(location.layer)}`, `the biases of layer ${location.layer}`);
    case 'network':
      return heading('network', 'the network this spec describes');
    case 'cost': {
      const word = COSTS.find((name) => new RegExp(`(^|\\s)${name}(\\s|#|$)`).test(textAt(location.range)));
      return word ? costFormulas(word) : heading('cost', 'the cost cᵢ of one example, and c, their mean');
    }
    case 'learning-rate':
      return heading('η', 'the learning rate: w ← w − η · ∂c/∂w');
    case 'seed':
      return seedHover();
    case 'training':
      return trainingSettingHover(location.setting);
    case 'example': {
      // A data line's file, columns and classes are known without the engine.
      const set = dataSetOf(state.analysis.source, location.example - 1);
      return set ? dataSetHover(state, set, textAt) : heading(`example ${location.example}`, 'one training example: inputs x and targets y');
    }
    case 'input':
      return heading(inputSymbol(location.example, location.k), `input ${location.k} of example ${location.example}`);
    case 'target':
      return heading(targetSymbol(location.example, location.j), `the target of output neuron ${location.j} in example ${location.example}`);
  }
}

/** Why a hover has no numbers. */
export function unavailable(skipped: EngineSkip | null): string {
  switch (skipped) {
    case 'too-large':
      return '_This network is too large to backpropagate while you type, so its numbers are not shown (see the Problems view)._';
    case 'no-examples':
      return '_No numbers yet: add an `example x … y …` line, so there is something to backpropagate._';
    case 'internal-error':
      return '_The numbers are unavailable because of a bug in the extension; the details are in Output › Backprop Stepper._';
    case 'errors':
    default:
      return '_The numbers are unavailable until the errors in this spec are fixed (see the Problems view)._';
  }
}
