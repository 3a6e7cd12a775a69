import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/core/diagnostics';
import { ALL_DIAGNOSTIC_CODES, DIAGNOSTIC_CODES, type DiagnosticCode } from '../../../src/core/parser/codes';
import { parseSpec, type ParseOptions } from '../../../src/core/parser/parse';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { nodeDataFiles } from '../../../src/node/dataFiles';

/**
 * One fixture per diagnostic code, test/fixtures/diagnostics/<code>.nnet, and here every
 * diagnostic it must produce: code, exact 0-based range [startLine, startChar, endLine,
 * endChar] and exact message. Nothing else may be reported for the fixture.
 */
const FIXTURES = join(__dirname, '../../fixtures/diagnostics');

type Expected = readonly [DiagnosticCode, readonly [number, number, number, number], string];

/** Limits that a fixture is checked with, where the documented ones would need a huge file. */
const OPTIONS: Partial<Record<DiagnosticCode, ParseOptions>> = {
  'examples-too-large': { limits: { maxExampleNumbers: 6 } },
  'more-problems': { limits: { maxDiagnostics: 2 } },
  'work-too-large': { limits: { maxMultiplyAdds: 100 } },
};

/** The activations as messages list them, read from the registry so that a new one needs no edit here. */
const ACTIVATION_LIST = `${ACTIVATIONS.slice(0, -1).join(', ')} or ${ACTIVATIONS[ACTIVATIONS.length - 1]}`;

const EXPECTED: Record<DiagnosticCode, readonly Expected[]> = {
  'biases-length': [
    ['biases-length', [2, 4, 2, 18], "layer 1 needs 2 biases b⁽¹⁾, one for each of its neurons; found 3"],
  ],
  'cost-needs-probabilities': [
    ['cost-needs-probabilities', [0, 5, 0, 25], "cost binary-cross-entropy needs outputs a⁽¹⁾ strictly between 0 and 1, as sigmoid (or softmax) gives; layer 1, the output layer, uses relu. Make it sigmoid, or choose another cost"],
  ],
  'cost-needs-softmax': [
    ['cost-needs-softmax', [0, 5, 0, 18], "cost cross-entropy needs a softmax output layer, so that the outputs a⁽¹⁾ form a probability distribution; layer 1, the output layer, uses sigmoid. Make it softmax, or use `cost binary-cross-entropy` for independent yes/no outputs"],
  ],
  'duplicate-parameters': [
    ['duplicate-parameters', [3, 2, 3, 3], "layer 1 already has its biases b⁽¹⁾ on line 3; remove one of the two `b` blocks"],
  ],
  'duplicate-setting': [
    ['duplicate-setting', [4, 0, 4, 17], "`cost` is already set on line 1; a spec sets it once, so remove one of the two lines"],
  ],
  'unknown-data-set': [
    ['unknown-data-set', [2, 5, 2, 9], "unknown data set 'moon'; did you mean 'moons'?"],
  ],
  'invalid-data-set': [
    ['invalid-data-set', [2, 5, 2, 8], "`xor` makes examples with 2 inputs and either 1 target (its class, 0 or 1) or 2 (one-hot, for a softmax output), but this network has 3 inputs and 1 output. Make layer 0 `layer 0: 2 inputs` and give the last layer 1 or 2 neurons"],
    ['invalid-data-set', [2, 18, 2, 22], "`noise` is the standard deviation of the noise added to each point, so it must be 0 or more; found -0.5"],
  ],
  'unreadable-data-file': [
    ['unreadable-data-file', [2, 5, 2, 22], `cannot find \`csv/missing.csv\` (looked for ${join(FIXTURES, 'csv', 'missing.csv')})`],
  ],
  'data-file-problems': [
    ['data-file-problems', [2, 0, 2, 31], "`csv/broken.csv` has a problem, shown on the file, at line 3, column 3: row 2, column 2 ('b'): 'x' is not a number, but `x` takes numbers such as 1.5, -2 or 3e-4. Correct the cell, or leave the column out of `x`"],
  ],
  'invalid-data-columns': [
    ['invalid-data-columns', [2, 26, 2, 28], "no column named 'bb' in the header row of `csv/points.csv`; did you mean 'b'?"],
    ['invalid-data-columns', [3, 22, 3, 25], '`x` chooses 1 column, but the network has 2 inputs (layer 0): choose one column per input'],
    ['invalid-data-columns', [3, 26, 3, 31], '`y` chooses 2 columns, but the network has 1 output (the last layer): choose one column per output'],
  ],
  'invalid-validation': [
    ['invalid-validation', [3, 11, 3, 14], "`validation 50%` would hold out 1 of the 1 example and leave none to train on. Hold out less, or add examples"],
  ],
  'empty-spec': [
    ['empty-spec', [0, 0, 0, 0], "the spec is empty: expected a network, starting with its inputs (`layer 0: 2 inputs`), then its layers (`layer 1: 1 sigmoid`) and examples (`example x 0 1 y 1`)"],
  ],
  'example-inputs-length': [
    ['example-inputs-length', [2, 10, 2, 15], "example 1 needs 2 inputs after `x`, one for each neuron of layer 0; found 3"],
  ],
  'example-targets-length': [
    ['example-targets-length', [2, 0, 2, 7], "example 1 needs 1 target after `y`, one for each neuron of layer 1, the output layer; found no `y`. Write `example x … y …`"],
  ],
  'examples-too-large': [
    ['examples-too-large', [5, 0, 5, 17], "expected at most 6 numbers in all examples together (inputs and targets); example 3 brings them to 9. Use fewer examples"],
  ],
  'expected-string': [
    ['expected-string', [0, 8, 0, 14], "expected the network name in double quotes; found 'My XOR'. Write network \"My XOR\""],
  ],
  'input-layer-activation': [
    ['input-layer-activation', [0, 11, 0, 18], "expected `inputs` after the size of layer 0; found the activation 'sigmoid', but layer 0 holds the inputs x, which have none. Write `layer 0: 2 inputs` and give layer 1 the activation"],
  ],
  'input-layer-parameters': [
    ['input-layer-parameters', [1, 2, 1, 11], "layer 0 holds the inputs, which have no weights or biases; found `b`. The parameters w⁽¹⁾ and b⁽¹⁾ go below `layer 1`"],
  ],
  'invalid-layer-size': [
    ['invalid-layer-size', [1, 9, 1, 10], "expected the number of neurons of layer 1 to be a whole number of at least 1; found '0'"],
  ],
  'invalid-learning-rate': [
    ['invalid-learning-rate', [0, 14, 0, 15], "the learning rate η must be greater than 0, since each step moves the parameters by −η times the gradient; found '0'. Try 0.1"],
  ],
  'invalid-number': [
    ['invalid-number', [2, 4, 2, 9], "expected a number in row 1 of w⁽¹⁾; found '0.1.2', which is not one: write numbers like 2, -0.5, .5 or 1e-3"],
  ],
  'invalid-seed': [
    ['invalid-seed', [0, 5, 0, 7], "expected the seed to be a whole number from 0 to 4294967295; found '-3'"],
  ],
  'invalid-training-setting': [
    ['invalid-training-setting', [1, 6, 1, 7], "expected the number of gradient steps N to be a whole number from 1 to 1,000,000; found '0'. Write, for example, `steps 500`, or leave the line out for 100 steps"],
    ['invalid-training-setting', [2, 11, 2, 12], "expected the batch size B to be at most 7, the number of training examples (10 examples less the 3 held out for validation); found 8. Write `batch-size 7` or less, or leave the line out to use every training example at each step"],
    ['invalid-training-setting', [3, 8, 3, 11], "expected the shuffle seed to be a whole number from 0 to 4294967295; found '2.5'. Write, for example, `shuffle 7`, or leave the line out to keep the examples in their order"],
  ],
  'layer-number': [
    ['layer-number', [2, 6, 2, 7], "expected layer 2 after layer 1; found layer 3. Layers are numbered 0, 1, 2, … in order"],
  ],
  'missing-activation': [
    ['missing-activation', [1, 0, 1, 10], `expected an activation after the size of layer 1 (${ACTIVATION_LIST}); found the end of the line. Write, for example, \`layer 1: 1 sigmoid\``],
  ],
  'missing-input-layer': [
    ['missing-input-layer', [0, 0, 0, 18], "expected the input layer, `layer 0: N inputs`, before layer 1; found layer 1 first. Add a line such as `layer 0: 2 inputs` above it, where N is the number of inputs x of each example"],
  ],
  'missing-keyword': [
    ['missing-keyword', [2, 8, 2, 9], "expected `x` before the inputs of example 1; found '0'. Write `example x 0.05 0.10 y 0.01 0.99`"],
  ],
  'missing-number': [
    ['missing-number', [0, 0, 0, 13], "expected the learning rate η after `learning-rate`, as in `learning-rate 0.5`; found the end of the line"],
  ],
  'missing-value': [
    ['missing-value', [0, 0, 0, 4], "expected a cost after `cost`: squared, half-squared, mean-squared, binary-cross-entropy or cross-entropy; found the end of the line"],
  ],
  'network-too-large': [
    ['no-examples', [1, 0, 1, 20], "no examples: the network is checked and shown, but nothing can be computed until an example is added. Add a line such as `example x … y …` with 2000 inputs and 1 target"],
    ['network-too-large', [2, 0, 2, 21], "expected at most 2,000,000 parameters (weights and biases); this network has 2,002,001, of which layer 1 has 2,001,000. Use fewer neurons"],
  ],
  'no-examples': [
    ['no-examples', [0, 0, 0, 25], "no examples: the network is checked and shown, but nothing can be computed until an example is added. Add a line such as `example x … y …` with 2 inputs and 1 target"],
  ],
  'no-trainable-layer': [
    ['no-trainable-layer', [0, 0, 0, 17], "expected at least one layer after layer 0, the inputs; found none, so there are no weights to learn. Add one below, as in `layer 1: 1 sigmoid`"],
  ],
  'non-finite-number': [
    ['non-finite-number', [2, 4, 2, 9], "expected a finite number in row 1 of w⁽¹⁾; found '1e400', which is beyond the largest number that can be stored (about 1.8e308)"],
    ['non-finite-number', [3, 4, 3, 7], "expected a finite number in row 2 of w⁽¹⁾; found 'NaN'. Write an ordinary number such as 0.5"],
  ],
  'parameters-outside-layer': [
    ['parameters-outside-layer', [0, 0, 0, 1], "`w` comes before any layer; put it below the `layer` line whose weights it holds, as in `layer 1: 2 sigmoid` then `w …`"],
  ],
  'softmax-single-neuron': [
    ['softmax-single-neuron', [1, 11, 1, 18], "softmax on a single neuron always outputs 1, whatever z⁽¹⁾ is, so layer 1 cannot learn; use sigmoid for one yes/no output, or give the layer a neuron per class"],
  ],
  'target-out-of-range': [
    ['target-out-of-range', [3, 16, 3, 19], "expected target 1 of example 1 to be from 0 to 1, since cost binary-cross-entropy reads targets as probabilities; found 1.5 (1 more in this example)"],
  ],
  'target-unreachable': [
    ['target-unreachable', [2, 16, 2, 17], "target 1 of example 1 is 2, but the output activation tanh only gives values between −1 and 1, so the output can never reach it; use targets in that range, or another output activation"],
  ],
  'targets-not-distribution': [
    ['targets-not-distribution', [3, 16, 3, 21], "the targets of example 1 add up to 2, but cost cross-entropy compares them with softmax outputs, which always add up to 1; make them add up to 1, e.g. 1 for the right class and 0 for the others"],
  ],
  'unexpected-number': [
    ['unexpected-number', [2, 2, 2, 10], "unexpected numbers '0.5 -0.5': a line of numbers continues the `w`, `b` or `example` above it, and there is none. Put them after `w`, `b`, `x` or `y`"],
  ],
  'unexpected-text': [
    ['unexpected-text', [0, 13, 0, 19], "unexpected 'please' after `cost squared`; a `cost` line names one cost"],
  ],
  'unknown-activation': [
    ['unknown-activation', [1, 11, 1, 17], "unknown activation 'sigmod'; did you mean 'sigmoid'?"],
  ],
  'unknown-cost': [
    ['unknown-cost', [0, 5, 0, 17], "unknown cost 'crossentropy'; did you mean 'cross-entropy'?"],
  ],
  'unknown-keyword': [
    ['unknown-keyword', [2, 0, 2, 4], "unknown keyword 'layr'; did you mean 'layer'?"],
  ],
  'unterminated-string': [
    ['unterminated-string', [0, 8, 0, 12], "the network name has no closing double quote; end it with \", and write \\\" for a quote inside the name"],
  ],
  'weights-row-count': [
    ['weights-row-count', [5, 4, 5, 13], "layer 2 needs 2 rows of weights, one for each neuron of layer 1; found 3. Each line of numbers under `w` is one row"],
  ],
  'weights-row-length': [
    ['weights-row-length', [3, 4, 3, 18], "row 2 of w⁽¹⁾ needs 2 numbers, one for each neuron of layer 1; found 3"],
  ],
  'more-problems': [
    ['no-examples', [0, 0, 0, 17], 'no examples: the network is checked and shown, but nothing can be computed until an example is added. Add a line such as `example x … y …` with 2 inputs and 1 target'],
    ['unknown-activation', [1, 11, 1, 17], "unknown activation 'sigmod'; did you mean 'sigmoid'?"],
    ['more-problems', [2, 0, 2, 3], '… and 3 more problems from here on; only the first 2 are listed. Fix those and the rest will show'],
  ],
  'work-too-large': [
    ['work-too-large', [2, 0, 2, 18], 'backpropagating 3 examples through this network takes about 108 multiply-adds; the limit is 100. Use fewer examples, or fewer neurons in layer 1, the widest'],
  ],
  'weights-transposed': [
    ['weights-transposed', [2, 2, 3, 15], "expected w⁽¹⁾ as 3 rows of 2 (row k for neuron k of layer 0, column j for neuron j of layer 1); found 2 rows of 3, the other way round. Swap its rows and columns"],
  ],
};

function parseFixture(code: string) {
  // A fixture's data files are beside it, in csv/, read as the CLI reads them.
  const path = join(FIXTURES, `${code}.nnet`);
  return parseSpec(readFileSync(path, 'utf8'), { ...OPTIONS[code as DiagnosticCode], files: nodeDataFiles({ specPath: path }) });
}

describe('diagnostic fixtures', () => {
  it('has a fixture and an expectation for every code in the registry, and no others', () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.nnet'))
      .map((f) => f.slice(0, -'.nnet'.length))
      .sort();
    expect(fixtures).toEqual([...ALL_DIAGNOSTIC_CODES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_DIAGNOSTIC_CODES].sort());
  });

  for (const code of ALL_DIAGNOSTIC_CODES) {
    it(`${code}: reports exactly the expected diagnostics`, () => {
      const result = parseFixture(code);
      const actual = result.diagnostics.map((d) => [
        d.code,
        [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
        d.message,
      ]);
      expect(actual).toEqual(EXPECTED[code]);
      expect(result.diagnostics.some((d) => d.code === code)).toBe(true);
      for (const d of result.diagnostics) expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code as DiagnosticCode].severity);
      expect(result.network === null).toBe(hasErrors(result.diagnostics));
    });
  }
});
