import type { Severity } from '../diagnostics';

/**
 * Every diagnostic the parser can report: its stable code, its severity and what it means.
 * The README documents this list, and a test fails when a code here has no fixture in
 * test/fixtures/diagnostics/<code>.nnet.
 */
export interface CodeInfo {
  readonly severity: Severity;
  readonly meaning: string;
}

export const DIAGNOSTIC_CODES = {
  // The text itself
  'empty-spec': { severity: 'error', meaning: 'The spec holds nothing but blank lines and comments.' },
  'unknown-keyword': { severity: 'error', meaning: 'A line begins with a word that is not a keyword.' },
  'unexpected-text': { severity: 'error', meaning: 'Text after a complete line, or a word where none belongs.' },
  'unexpected-number': { severity: 'error', meaning: 'A line of numbers with no `w`, `b` or `example` above it to continue.' },
  'missing-number': { severity: 'error', meaning: 'A number is expected but the line ends or a word stands there.' },
  'invalid-number': { severity: 'error', meaning: 'Text that starts like a number is not one (e.g. `0.1.2`, `1e`, `1,5`).' },
  'non-finite-number': { severity: 'error', meaning: 'NaN, Infinity, or a number too large to store (e.g. `1e400`).' },
  'missing-value': { severity: 'error', meaning: '`cost` or `network` with nothing after it.' },
  'expected-string': { severity: 'error', meaning: 'The network name is not written in double quotes.' },
  'unterminated-string': { severity: 'error', meaning: 'The network name has no closing double quote.' },
  'missing-keyword': { severity: 'error', meaning: 'A line lacks a word it needs: an example\'s inputs not introduced by `x`, or a CSV `data` line without `x` or `y`.' },
  // Settings
  'unknown-cost': { severity: 'error', meaning: 'The cost is not one of the known costs.' },
  'invalid-learning-rate': { severity: 'error', meaning: 'The learning rate η is zero or negative.' },
  'invalid-seed': { severity: 'error', meaning: 'The seed is not a whole number from 0 to 4294967295.' },
  'invalid-training-setting': { severity: 'error', meaning: '`steps` not a whole number from 1 to 1,000,000, `batch-size` not a whole number of at least 1 or more than the training examples, or `shuffle` not a whole number from 0 to 4294967295.' },
  'duplicate-setting': { severity: 'error', meaning: 'A second `network`, `cost`, `learning-rate`, `seed`, `steps`, `batch-size`, `shuffle` or `validation` line.' },
  // Layers
  'missing-input-layer': { severity: 'error', meaning: 'There is no `layer 0: N inputs` line.' },
  'layer-number': { severity: 'error', meaning: 'Layer numbers do not run 0, 1, 2, … in order.' },
  'invalid-layer-size': { severity: 'error', meaning: 'A layer size is not a whole number of at least 1.' },
  'missing-activation': { severity: 'error', meaning: 'A layer ℓ ≥ 1 names no activation.' },
  'unknown-activation': { severity: 'error', meaning: 'The activation is not one of the known activations.' },
  'input-layer-activation': { severity: 'error', meaning: 'Layer 0 names an activation; the inputs have none.' },
  'input-layer-parameters': { severity: 'error', meaning: 'Layer 0 has `w` or `b`; the inputs have no weights or biases.' },
  'parameters-outside-layer': { severity: 'error', meaning: '`w` or `b` before the first `layer` line.' },
  'duplicate-parameters': { severity: 'error', meaning: 'A second `w` or `b` in one layer.' },
  'no-trainable-layer': { severity: 'error', meaning: 'Layer 0 is the only layer: nothing has weights to learn.' },
  'softmax-single-neuron': { severity: 'warning', meaning: 'Softmax on one neuron always outputs 1, so that layer cannot learn.' },
  'network-too-large': { severity: 'error', meaning: 'The network has more parameters than the documented limit.' },
  // Shapes
  'weights-row-count': { severity: 'error', meaning: '`w` of layer ℓ does not have n_(ℓ−1) rows.' },
  'weights-row-length': { severity: 'error', meaning: 'A row of `w` of layer ℓ does not have n_ℓ numbers.' },
  'weights-transposed': { severity: 'error', meaning: '`w` is written n_ℓ × n_(ℓ−1), the transpose of what is expected.' },
  'biases-length': { severity: 'error', meaning: '`b` of layer ℓ does not have n_ℓ numbers.' },
  // Examples
  'example-inputs-length': { severity: 'error', meaning: 'An example\'s `x` does not have n_0 numbers.' },
  'example-targets-length': { severity: 'error', meaning: 'An example\'s `y` does not have n_L numbers.' },
  'no-examples': { severity: 'warning', meaning: 'No examples: the network is checked and shown, but nothing is computed.' },
  'examples-too-large': { severity: 'error', meaning: 'The examples hold more numbers than the documented limit.' },
  'work-too-large': { severity: 'error', meaning: 'One analysis would take more multiply-adds or memory than the documented limits.' },
  // Generated data and the validation split
  'unknown-data-set': { severity: 'error', meaning: '`data` names no data set, or one that does not exist.' },
  'invalid-data-set': { severity: 'error', meaning: 'A `data` line the network cannot use: its COUNT, `noise` or `seed`, or a set whose inputs or outputs do not fit the network.' },
  'unreadable-data-file': { severity: 'error', meaning: 'The file a `data` line names cannot be read: missing, not a regular file, over the size limit, or not UTF-8 text.' },
  'data-file-problems': { severity: 'error', meaning: 'The CSV file a `data` line reads has problems, each shown on the file itself; this counts them and quotes the first.' },
  'invalid-data-columns': { severity: 'error', meaning: 'The columns or rows a CSV `data` line chooses: a name not in the header, a number out of range, a column chosen twice, or more or fewer columns than the network has inputs or outputs.' },
  'invalid-validation': { severity: 'error', meaning: '`validation P%` with P not a percentage strictly between 0 and 100, or one that would leave no example to train on.' },
  // Cost and targets
  'cost-needs-softmax': { severity: 'error', meaning: '`cost cross-entropy` without a softmax output layer.' },
  'cost-needs-probabilities': { severity: 'error', meaning: '`cost binary-cross-entropy` without a sigmoid or softmax output layer.' },
  'target-out-of-range': { severity: 'error', meaning: 'A target y outside [0, 1] with a cross-entropy cost.' },
  'targets-not-distribution': { severity: 'warning', meaning: 'An example\'s targets do not sum to 1 with `cost cross-entropy`.' },
  'target-unreachable': { severity: 'warning', meaning: 'A target the output activation can never produce (e.g. y = 2 with sigmoid).' },
  // The list itself
  'more-problems': { severity: 'error', meaning: 'More problems than the documented limit: the rest are counted here (a warning when none of them is an error).' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const ALL_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
