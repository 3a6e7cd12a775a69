/** The backprop engine's public surface. */
export { runEngine } from './run';
export { computeGradient, meanCost, type GradientView } from './gradient';
export { exampleWeightGradient, exampleWeightGradientEntry, exampleBiasGradient } from './perExample';
export { gradientCheck, type GradientCheck, type GradientCheckOptions } from './gradientCheck';
export { activation, sigmoid, softmax, type Activation } from './activations';
export { cost, LOG_EPSILON, type Cost } from './costs';
export { Workspace, workspaceFor, type KernelChoice } from './workspace';
export type { EngineResult, Gradient, Updated, NumericFailure } from './types';
