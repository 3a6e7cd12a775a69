import type { StepAddress } from '../../core/trace/types';
import { Command } from '../commandIds';
import type { EditorState } from './editorState';
import { commandLink } from './markdownEscape';

/**
 * The pieces every hover is made of, so they all look alike: a heading naming the symbol, a
 * table of values, paragraphs of explanation and a line of links.
 *
 * What may go in unescaped: symbols from src/core/notation (w⁽²⁾₁₂, ∂cᵢ/∂a⁽²⁾₁, σ′(z⁽²⁾₁)) and
 * numbers from formatNumber — neither can form a Markdown construct. Anything copied from
 * the spec (the network's name) or written with brackets and slashes (formulas) goes through
 * escapeMarkdown first.
 */

/** Blocks joined as Markdown paragraphs; empty blocks are dropped. */
export function blocks(...parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}

/** "**w⁽²⁾₁₂** — the weight from …": the symbol in bold, then what it is. */
export function heading(symbol: string, description: string): string {
  return `**${symbol}** — ${description}`;
}

/** Lines inside one paragraph, each on its own line (Markdown hard breaks). */
export function lines(...items: readonly string[]): string {
  return items.join('  \n');
}

/** A Markdown table; `align` per column (left by default). */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const rule = header.map((_, i) => ((align?.[i] ?? 'left') === 'right' ? '--:' : ':--'));
  return [row(header), row(rule), ...rows.map(row)].join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell cannot contain a line break, and `|` would end it. */
function cell(text: string): string {
  return text.replace(/\n/g, ' ').replace(/(^|[^\\])\|/g, '$1\\|');
}

/**
 * The hover's links: "Step to this quantity" (moves the stepping position there) and "Show in
 * panel" (opens the panel on it). Both commands are in HOVER_TRUSTED_COMMANDS, the only ones
 * a hover may run.
 */
export function links(state: EditorState, address: StepAddress | null, stepLabel = 'Step to this quantity'): string {
  const items: string[] = [];
  if (address) items.push(commandLink(stepLabel, Command.stepTo, [state.uri, address], 'Move the stepping position to this quantity'));
  items.push(
    commandLink('Show in panel', Command.showInPanel, address ? [state.uri, address] : [state.uri], 'Open the backprop panel on this quantity'),
  );
  return items.join(' · ');
}

/** "neuron 1 of layer 2" */
export function neuron(j: number, layer: number): string {
  return `neuron ${j} of layer ${layer}`;
}

/** "1 neuron", "128 neurons". */
export function neurons(count: number): string {
  return `${count} neuron${count === 1 ? '' : 's'}`;
}
