import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import type { EditorState } from '../../../src/extension/editor/editorState';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { mazurText, positionOf, rendered, stateOf } from './editorFixture';

/** The hover Markdown for the `needle` on the line starting with `linePrefix`. */
function hoverAt(text: string, linePrefix: string, needle: string, state: EditorState = stateOf(text)): string {
  const location = locate(state.analysis.source, positionOf(text, linePrefix, needle));
  if (!location) throw new Error(`nothing located at ${needle}`);
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
  return hoverMarkdown(state, location, textAt);
}

const mazur = mazurText();

describe('hover on a weight', () => {
  const hover = hoverAt(mazur, 'w 0.40', '0.40');

  it('names the weight in the article notation', () => {
    expect(hover).toContain('**w⁽²⁾₁₁** — the weight from neuron 1 of layer 1 to neuron 1 of layer 2');
  });

  it('gives its value, ∂cᵢ/∂w, the batch ∂c/∂w and the value after one step', () => {
    expect(hover).toContain(
      [
        'w⁽²⁾₁₁ = 0.4 → 0.358916 after one gradient step  ',
        '∂cᵢ/∂w⁽²⁾₁₁ = 0.082167 for example 1 · ∂c/∂w⁽²⁾₁₁ = 0.082167, the mean over the m = 1 example',
      ].join('\n'),
    );
    expect(hover).toContain('w⁽²⁾₁₁ − η · ∂c/∂w⁽²⁾₁₁ = 0.4 − 0.5 × 0.082167 = 0.358916');
  });

  it('writes the chain rule as a product with every factor and its number', () => {
    expect(hover).toContain('∂cᵢ/∂w⁽²⁾₁₁ = ∂cᵢ/∂a⁽²⁾₁ · ∂a⁽²⁾₁/∂z⁽²⁾₁ · ∂z⁽²⁾₁/∂w⁽²⁾₁₁');
    expect(hover).toContain('= ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) · a⁽¹⁾₁');
    expect(hover).toContain('= 0.741365 × 0.186816 × 0.59327 = 0.082167');
    expect(hover).toMatch(/\| ∂cᵢ\/∂a⁽²⁾₁ \| 0\.741365 \|/);
    expect(hover).toMatch(/\| ∂a⁽²⁾₁\/∂z⁽²⁾₁ = σ′\(z⁽²⁾₁\) \| 0\.186816 \|/);
    expect(hover).toMatch(/\| ∂z⁽²⁾₁\/∂w⁽²⁾₁₁ = a⁽¹⁾₁ \| 0\.59327 \|/);
  });

  it('explains each factor: the half-squared cost gives a − y', () => {
    expect(rendered(hover)).toContain('(a⁽²⁾₁ − yᵢ₁), with a⁽²⁾₁ = 0.751365 and yᵢ₁ = 0.01');
    expect(rendered(hover)).toContain('a⁽²⁾₁(1 − a⁽²⁾₁)');
    expect(hover).toContain('δ⁽²⁾₁ = ∂cᵢ/∂z⁽²⁾₁ = 0.138499');
  });

  it('links to the quantity with the trusted commands only', () => {
    const links = [...hover.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)];
    expect(links.map((m) => m[1])).toEqual(['backpropStepper.stepTo', 'backpropStepper.showInPanel']);
    expect(JSON.parse(decodeURIComponent(links[0][2]))).toEqual(['file:///home/learner/examples/mazur.nnet', { kind: 'dw', layer: 2, j: 1, k: 1 }]);
  });

  it('carries a hidden layer’s ∂cᵢ/∂a back from the next layer', () => {
    const hidden = hoverAt(mazur, 'w 0.15', '0.15');
    expect(hidden).toContain('**w⁽¹⁾₁₁**');
    // ∂cᵢ/∂a⁽¹⁾₁ = δ⁽²⁾₁ w⁽²⁾₁₁ + δ⁽²⁾₂ w⁽²⁾₁₂, with the numbers.
    expect(hidden).toContain('carried back from layer 2: Σᵣ δ⁽²⁾ᵣ · w⁽²⁾₁ᵣ, over its 2 neurons = 0.138499 × 0.4 + (−0.0380982) × 0.5');
    expect(hidden).toContain('w⁽¹⁾₁₁ = 0.15 → 0.149781 after one gradient step');
    expect(hidden).toContain('∂cᵢ/∂w⁽¹⁾₁₁ = 0.000438568 for example 1');
  });

  it('follows the significant-digits setting', () => {
    const short = hoverAt(mazur, 'w 0.40', '0.40', stateOf(mazur, { example: 0, step: 0 }, 3));
    expect(short).toContain('= 0.741 × 0.187 × 0.593 = 0.0822');
  });
});

describe('hover on a bias', () => {
  it('shows ∂z/∂b = 1 as the last factor', () => {
    const hover = hoverAt(mazur, 'b 0.60', '0.60');
    expect(hover).toContain('**b⁽²⁾₁** — the bias of neuron 1 of layer 2');
    expect(hover).toMatch(/\| ∂z⁽²⁾₁\/∂b⁽²⁾₁ = 1 \| 1 \|/);
    expect(hover).toContain('= 0.741365 × 0.186816 × 1 = 0.138499');
    expect(hover).toContain('0.6 − 0.5 × 0.138499 = 0.530751');
    expect(hover).toContain('so ∂cᵢ/∂b⁽²⁾₁ = δ⁽²⁾₁.');
  });
});

describe('hover on layers, names and data', () => {
  it('a layer line shows z, a and δ for the stepped example', () => {
    const hover = hoverAt(mazur, 'layer 2', 'layer');
    expect(hover).toContain('**layer 2** — 2 neurons with sigmoid activation (the output layer, ℓ = L = 2)');
    expect(hover).toMatch(/\| z⁽²⁾ \| \[1\.10591, 1\.22492\] \|/);
    expect(hover).toMatch(/\| a⁽²⁾ \| \[0\.751365, 0\.772928\] \|/);
    expect(hover).toMatch(/\| δ⁽²⁾ \| \[0\.138499, −0\.0380982\] \|/);
  });

  it('an activation name shows σ and σ′ as formulas', () => {
    const hover = rendered(hoverAt(mazur, 'layer 1', 'sigmoid'));
    expect(hover).toContain('σ(z) = 1/(1 + e⁻ᶻ)');
    expect(hover).toContain('σ′(z) = σ(z)(1 − σ(z))');
    expect(hover).toContain('σ′(z⁽¹⁾)');
  });

  it('the cost shows its formula, ∂cᵢ/∂a⁽ᴸ⁾ⱼ and the numbers', () => {
    const hover = rendered(hoverAt(mazur, 'cost', 'half-squared'));
    expect(hover).toContain('cᵢ = ½ Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²');
    expect(hover).toContain('∂cᵢ/∂a⁽ᴸ⁾ⱼ = a⁽ᴸ⁾ⱼ − yᵢⱼ');
    expect(hover).toContain('0.298371');
    expect(hover).toContain('[0.741365, −0.217072]');
  });

  it('an example line shows its cost and output', () => {
    const hover = hoverAt(mazur, 'example', 'example');
    expect(hover).toMatch(/\| c₁, its cost \| 0\.298371 \|/);
    expect(hover).toContain('[0.751365, 0.772928]');
  });

  it('an example not being stepped links to tracing it, with the trusted traceExample command', () => {
    const two = `${mazur.trimEnd()}\nexample x 0.5 0.5 y 1 0\n`;
    const hover = hoverAt(two, 'example x 0.5', 'example');
    const links = [...hover.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)];
    expect(links.map((m) => m[1])).toEqual(['backpropStepper.traceExample']);
    expect(JSON.parse(decodeURIComponent(links[0][2]))).toEqual(['file:///home/learner/examples/mazur.nnet', 1]);
    expect(hover).toContain('[Trace this example]');
    // The stepped example links to its cost instead.
    expect([...hoverAt(two, 'example x 0.05', 'example').matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1])).toEqual([
      'backpropStepper.stepTo',
      'backpropStepper.showInPanel',
    ]);
  });

  it('inputs and targets are named x and y', () => {
    expect(hoverAt(mazur, 'example', '0.10')).toContain('x₁₂ = 0.1');
    const target = hoverAt(mazur, 'example', '0.99');
    expect(target).toContain('**y₁₂**');
    expect(target).toMatch(/\| a⁽²⁾₂, the output \| 0\.772928 \|/);
  });

  it('the learning rate says what η does', () => {
    const hover = hoverAt(mazur, 'learning-rate', '0.5');
    expect(hover).toContain('w ← w − η · ∂c/∂w');
    // Every weight and bias moves (Mazur's 0.291028 keeps the biases fixed).
    expect(hover).toContain('from 0.298371 to 0.280471');
  });
});

describe('hover while the spec has errors', () => {
  const broken = mazur.replace('w 0.40 0.50', 'w 0.40 0.50 0.70');
  it('names the symbol and says the numbers are unavailable', () => {
    const hover = hoverAt(broken, 'w 0.40', '0.40');
    expect(hover).toContain('**w⁽²⁾₁₁**');
    expect(hover).toContain('unavailable until the errors in this spec are fixed');
    expect(hover).not.toContain('0.082167');
    expect(hover).not.toContain('command:');
  });

  it('still explains an activation word it recognises', () => {
    expect(rendered(hoverAt(broken, 'layer 1', 'sigmoid'))).toContain('σ′(z) = σ(z)(1 − σ(z))');
  });
});

describe('hover escaping', () => {
  const crafted = mazur.replace(
    'network "Step-by-step backpropagation"',
    'network "[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> *b* `c`"',
  );

  it('a crafted network name cannot inject a link, a command or HTML', () => {
    const hover = hoverAt(crafted, 'network', 'network');
    expect(rendered(hover)).toContain('[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> *b* `c`');
    expect(hover).not.toContain('[x](command:');
    expect(hover).not.toMatch(/(^|[^\\])<img/);
    // The only command links are our own, and none points at the injected command.
    expect([...hover.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1])).toEqual(['backpropStepper.showInPanel']);
    expect(hover).not.toMatch(/(^|[^\\])\[x\]/);
  });
});
