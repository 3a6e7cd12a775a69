import { DEFAULT_TRAINING_STEPS } from '../../core/model/defaults';
import type { TrainingSettingName } from '../../core/model/locate';
import { blocks, heading } from './hoverParts';

/**
 * The hover of a training setting line (`steps`, `batch-size`, `shuffle`). These lines change
 * nothing the editor computes — one gradient step on all the examples — so the hover says what
 * they mean to a training run, and what it does without them. It needs no engine result, so it
 * reads the same while the spec has errors.
 */
export function trainingSettingHover(setting: TrainingSettingName): string {
  const used = 'Used by `nnet train` and Backprop: Train, unless they are told otherwise.';
  switch (setting) {
    case 'steps':
      return blocks(
        heading('N', 'the number of gradient steps a training run takes'),
        `${used} Without this line a run takes ${DEFAULT_TRAINING_STEPS} steps.`,
      );
    case 'batch-size':
      return blocks(
        heading('B', 'the training examples each gradient step averages its gradient over'),
        `${used} Without this line every step takes all the training examples (full batch); examples held out by \`validation\` never enter a batch.`,
      );
    case 'shuffle':
      return blocks(
        heading('shuffle', 'seeds the reshuffling of the training examples before each pass over them'),
        `${used} Without this line the batches take the examples in their order, the same at every pass.`,
      );
  }
}
