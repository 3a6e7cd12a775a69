import type { CostName } from './network';

/** The cost when a spec has no `cost` line: c_i = Σ_j (y_ij − a^(L)_j)², as in the reference article. */
export const DEFAULT_COST: CostName = 'squared';

/** η when a spec has no `learning-rate` line. */
export const DEFAULT_LEARNING_RATE = 0.1;

/** N, the gradient steps a training run takes when neither the spec's `steps` line nor the caller says. */
export const DEFAULT_TRAINING_STEPS = 100;
