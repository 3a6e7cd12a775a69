import * as vscode from 'vscode';
import type { Granularity } from '../core/stepping/position';
import { DEFAULT_WEIGHT_ORDER, WEIGHT_ORDERS, type WeightOrder } from '../core/notation/symbols';
import { clampApplyDigits } from '../core/edit/gradientStep';

/**
 * The `backpropStepper.*` settings, read once, validated, and re-read when they change.
 * Features read `settings.current` whenever they render and listen to `onDidChange` to re-render;
 * the defaults here match the ones contributed in package.json.
 */
export type InlayHintMode = 'gradient' | 'updated' | 'off';

export interface StepperSettings {
  /** Significant digits of every number shown (1–15). */
  readonly significantDigits: number;
  /** Inlay hints after each weight and bias: ∂c/∂w, its value after one step, or none. */
  readonly inlayHints: InlayHintMode;
  /** How long typing must pause before a spec is re-analysed, in milliseconds. */
  readonly debounceMs: number;
  /** How far Step / Step Back move. */
  readonly stepGranularity: Granularity;
  /** Significant digits of each number Apply Gradient Step writes (1–17; 17 = the exact double). */
  readonly applyDigits: number;
  /** `backpropStepper.weightIndexOrder`: weights written w⁽ℓ⁾ₖⱼ (from-to, the article's) or w⁽ℓ⁾ⱼₖ (to-from). */
  readonly weightOrder: WeightOrder;
}

export const SECTION = 'backpropStepper';

/** The range of `significantDigits` (package.json contributes the same bounds). */
export const MIN_DIGITS = 1;
export const MAX_DIGITS = 15;
const DEFAULT_SIGNIFICANT_DIGITS = 6;

/** A `significantDigits` value made whole and brought into MIN_DIGITS…MAX_DIGITS; 6 when not finite. */
export function clampDigits(digits: number): number {
  return Number.isFinite(digits) ? Math.min(MAX_DIGITS, Math.max(MIN_DIGITS, Math.round(digits))) : DEFAULT_SIGNIFICANT_DIGITS;
}

export const DEFAULT_SETTINGS: StepperSettings = { significantDigits: DEFAULT_SIGNIFICANT_DIGITS, inlayHints: 'gradient', debounceMs: 250, stepGranularity: 'neuron', applyDigits: 6, weightOrder: DEFAULT_WEIGHT_ORDER };

export class Settings implements vscode.Disposable {
  private value: StepperSettings = read();
  private readonly changed = new vscode.EventEmitter<StepperSettings>();
  private readonly subscription: vscode.Disposable;

  /** Fires with the new settings after any `backpropStepper.*` setting changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      this.value = read();
      this.changed.fire(this.value);
    });
  }

  get current(): StepperSettings {
    return this.value;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function read(): StepperSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const digits = config.get<number>('significantDigits', DEFAULT_SETTINGS.significantDigits);
  const debounce = config.get<number>('debounceMs', DEFAULT_SETTINGS.debounceMs);
  const applyDigits = config.get<number>('applyDigits', DEFAULT_SETTINGS.applyDigits);
  return {
    significantDigits: typeof digits === 'number' ? clampDigits(digits) : DEFAULT_SETTINGS.significantDigits,
    inlayHints: oneOf(config.get('inlayHints'), ['gradient', 'updated', 'off'] as const, DEFAULT_SETTINGS.inlayHints),
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) ? Math.min(5000, Math.max(0, debounce)) : DEFAULT_SETTINGS.debounceMs,
    stepGranularity: oneOf(config.get('stepGranularity'), ['neuron', 'layer'] as const, DEFAULT_SETTINGS.stepGranularity),
    applyDigits: typeof applyDigits === 'number' && Number.isFinite(applyDigits) ? clampApplyDigits(applyDigits) : DEFAULT_SETTINGS.applyDigits,
    weightOrder: oneOf(config.get('weightIndexOrder'), WEIGHT_ORDERS, DEFAULT_SETTINGS.weightOrder),
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
