import type { EngineResult } from '../engine/types';
import { parameterCount, type Network } from '../model/network';
import type { WeightOrder } from '../notation/symbols';
import type { StepGroup } from '../trace/types';
import { PYTHON_ACTIVATIONS, PYTHON_COSTS, pythonFunction, pythonName } from './python';

/**
 * The Python of the notebook's code cells: one cell that rebuilds the network — its weights,
 * biases, activations, cost, the followed example and the training examples — and then, after
 * each group of steps, a cell that recomputes that group's quantities with NumPy and prints them.
 * A student can change a weight in the first cell and run them all again.
 *
 * The arrays are named as the article names the quantities, layer by layer: z[l], a[l],
 * dc_da[l] (∂cᵢ/∂a), dadz[l] (σ′(z)), delta[l] (δ), dc_dw[l] and dc_db[l] (∂cᵢ/∂w, ∂cᵢ/∂b of this
 * example), c_i, and after the step W_new[l] and b_new[l]. W[l][k − 1, j − 1] is w⁽ˡ⁾ₖⱼ, the
 * weight from neuron k of layer l − 1 to neuron j of layer l, exactly as the spec writes it.
 */

/**
 * The code holds every parameter and every training example as a number in its text, so it is
 * left out past this many of them (a 784-16-10 network with a few examples is well within it;
 * MNIST-sized data is not): a notebook is meant to be opened and run, not to carry a data set.
 */
export const NOTEBOOK_CODE_LIMIT = 100_000;

/** How many numbers the code would write: the parameters and the training examples' x and y. */
export function codeNumbers(network: Network): number {
  const L = network.layers.length - 1;
  const training = network.examples.length - (network.validation?.length ?? 0);
  return parameterCount(network) + training * (network.layers[0].size + network.layers[L].size);
}

/** A double as Python reads it back exactly (JavaScript's shortest round-trip form is valid Python). */
function literal(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "-float('inf')";
  return String(x);
}

function list(values: ArrayLike<number>): string {
  return `[${Array.from(values, literal).join(', ')}]`;
}

function vector(values: ArrayLike<number>): string {
  return `np.array(${list(values)})`;
}

function matrix(values: ArrayLike<number>, rows: number, columns: number): string {
  const lines: string[] = [];
  for (let k = 0; k < rows; k++) lines.push(list(Array.from({ length: columns }, (_, j) => values[k * columns + j])));
  return `np.array([${lines.join(',\n    ')}])`;
}

/** The first code cell: functions, parameters, the example, and the helpers the later cells use. */
export function setupCode(network: Network, example: number, digits: number, weightOrder: WeightOrder): string {
  const L = network.layers.length - 1;
  const names = [...new Set(network.layers.slice(1).map((l) => l.activation!))];
  const functions = names.flatMap((name) => {
    const entry = PYTHON_ACTIVATIONS[name];
    const id = pythonName(name);
    return [
      pythonFunction(`sigma_${id}`, 'z', entry.value),
      pythonFunction(`slope_${id}`, 'z, a', entry.slope),
      ...(entry.jacobian ? [pythonFunction(`jacobian_${id}`, 'a', entry.jacobian)] : []),
    ];
  });
  const cost = PYTHON_COSTS[network.cost];
  const layers = Array.from({ length: L }, (_, q) => q + 1);
  const perLayer = (make: (l: number) => string) => `{${layers.map((l) => `${l}: ${make(l)}`).join(', ')}}`;
  const held = new Set(network.validation ?? []);
  const training = network.examples.filter((_, i) => !held.has(i));
  const { x, y } = network.examples[example];
  return [
    'import numpy as np',
    '',
    `DIGITS = ${digits}  # significant digits of the printed numbers`,
    'LOG_FLOOR = 1e-12  # logs are taken at max(a, 1e-12), as the stepper takes them',
    `WEIGHT_ORDER = '${weightOrder}'  # how printed weights order their indices`,
    '',
    ...functions.flatMap((f) => [f, '']),
    `# cost ${network.cost}`,
    pythonFunction('cost', 'a, y', cost.value),
    '',
    pythonFunction('cost_gradient', 'a, y', cost.gradient),
    '',
    `L = ${L}`,
    `eta = ${literal(network.learningRate)}`,
    '# W[l][k - 1, j - 1] is the weight from neuron k of layer l - 1 to neuron j of layer l',
    ...layers.map((l) => `W_${l} = ${matrix(network.layers[l].weights, network.layers[l - 1].size, network.layers[l].size)}`),
    `W = ${perLayer((l) => `W_${l}`)}`,
    `b = ${perLayer((l) => vector(network.layers[l].biases))}`,
    `sigma = ${perLayer((l) => `sigma_${pythonName(network.layers[l].activation!)}`)}`,
    `slope = ${perLayer((l) => `slope_${pythonName(network.layers[l].activation!)}`)}`,
    `jacobian = ${perLayer((l) => (PYTHON_ACTIVATIONS[network.layers[l].activation!].jacobian ? `jacobian_${pythonName(network.layers[l].activation!)}` : 'None'))}`,
    '',
    `# example i = ${example + 1}`,
    `x = ${vector(x)}`,
    `y = ${vector(y)}`,
    '# the training examples, whose mean gradient the step of gradient descent takes',
    `X_train = np.array([${training.map((e) => list(e.x)).join(',\n    ')}])`,
    `Y_train = np.array([${training.map((e) => list(e.y)).join(',\n    ')}])`,
    '',
    'z, a, dc_da, dadz, delta, dc_dw, dc_db, W_new, b_new = {}, {0: x}, {}, {}, {}, {}, {}, {}, {}',
    '',
    HELPERS,
  ].join('\n');
}

/** Printing in the notebook's ASCII notation, and the gradient of one example (for the batch mean). */
const HELPERS = `def show(name, l, values):
    """Prints each entry as name(l)[j] = value, or name(l)[k,j] for a weight matrix."""
    values = np.asarray(values)
    if values.ndim == 0:
        print(f'{name} = {values:.{DIGITS}g}')
    elif values.ndim == 1:
        for j, v in enumerate(values, 1):
            print(f'{name}({l})[{j}] = {v:.{DIGITS}g}')
    else:
        for (k, j), v in np.ndenumerate(values):
            first, second = (k + 1, j + 1) if WEIGHT_ORDER == 'from-to' else (j + 1, k + 1)
            print(f'{name}({l})[{first},{second}] = {v:.{DIGITS}g}')


def gradients(x, y):
    """dc_i/dW[l] and dc_i/db[l] of one example: its forward and backward pass in one go."""
    acts, pre = {0: x}, {}
    for l in range(1, L + 1):
        pre[l] = acts[l - 1] @ W[l] + b[l]
        acts[l] = sigma[l](pre[l])
    dW, db, carried = {}, {}, cost_gradient(acts[L], y)
    for l in range(L, 0, -1):
        d = jacobian[l](acts[l]).T @ carried if jacobian[l] else carried * slope[l](pre[l], acts[l])
        dW[l], db[l] = np.outer(acts[l - 1], d), d
        carried = W[l] @ d
    return dW, db`;

/** The code cell after one group of steps: that phase of that layer, recomputed and printed. */
export function groupCode(group: StepGroup, result: EngineResult, L: number): string {
  const l = group.layer;
  switch (group.phase) {
    case 'forward':
      return [`z[${l}] = a[${l - 1}] @ W[${l}] + b[${l}]`, `a[${l}] = sigma[${l}](z[${l}])`, `show('z', ${l}, z[${l}])`, `show('a', ${l}, a[${l}])`].join('\n');
    case 'cost':
      return ['c_i = cost(a[L], y)', "show('c_i', L, c_i)"].join('\n');
    case 'backward':
      return [
        l === L ? `dc_da[${l}] = cost_gradient(a[${l}], y)` : `dc_da[${l}] = W[${l + 1}] @ delta[${l + 1}]  # every path through layer ${l + 1}`,
        `dadz[${l}] = slope[${l}](z[${l}], a[${l}])`,
        `delta[${l}] = jacobian[${l}](a[${l}]).T @ dc_da[${l}] if jacobian[${l}] else dc_da[${l}] * dadz[${l}]`,
        `dc_dw[${l}] = np.outer(a[${l - 1}], delta[${l}])`,
        `dc_db[${l}] = delta[${l}].copy()`,
        ...['dc/da', 'dadz', 'delta', 'dci/dw', 'dci/db'].map((name, q) => `show('${name}', ${l}, ${['dc_da', 'dadz', 'delta', 'dc_dw', 'dc_db'][q]}[${l}])`),
      ].join('\n');
    case 'update':
      return [
        ...(l === 1
          ? [
              `# the mean of dc_i/dw over the ${result.exampleCount > 1 ? 'training examples' : 'one example'}`,
              'per_example = [gradients(xi, yi) for xi, yi in zip(X_train, Y_train)]',
              'dW_mean = {l: sum(g[0][l] for g in per_example) / len(per_example) for l in W}',
              'db_mean = {l: sum(g[1][l] for g in per_example) / len(per_example) for l in b}',
            ]
          : []),
        `W_new[${l}] = W[${l}] - eta * dW_mean[${l}]`,
        `b_new[${l}] = b[${l}] - eta * db_mean[${l}]`,
        `show('new w', ${l}, W_new[${l}])`,
        `show('new b', ${l}, b_new[${l}])`,
      ].join('\n');
  }
}
