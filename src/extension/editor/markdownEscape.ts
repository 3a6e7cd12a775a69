/**
 * Markdown for hovers: command links with escaped labels. Spec text is escaped with the core's
 * escapeMarkdown (src/core/text/escape.ts), the same rule `nnet trace --markdown` uses; hover
 * Markdown is trusted for a few of our own commands, so an injected command link would
 * otherwise be clickable.
 */
import { escapeMarkdown } from '../../core/text/escape';

export { escapeMarkdown };

/**
 * Command arguments as VS Code's `command:` links carry them: JSON, percent-encoded.
 * encodeURIComponent leaves `( ) ' ! *` alone; an unbalanced parenthesis (say from a file name
 * inside a document URI) would end the link destination early, so those are encoded as well.
 */
export function encodeArguments(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Markdown link to one of our commands: `[label](command:id?args)`. The label is escaped;
 * the arguments are JSON, percent-encoded, as VS Code expects for `command:` links. Only
 * commands listed in the hover's `enabledCommands` run when clicked.
 */
export function commandLink(label: string, command: string, args: readonly unknown[], tooltip?: string): string {
  const target = `command:${command}?${encodeArguments(args)}`;
  // A link title is a quoted string; escaping its punctuation keeps quotes from closing it early.
  const title = tooltip === undefined ? '' : ` "${escapeMarkdown(tooltip)}"`;
  return `[${escapeMarkdown(label)}](${target}${title})`;
}
