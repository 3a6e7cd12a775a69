/**
 * Escaping for text that goes into hover Markdown.
 *
 * A spec is untrusted input: a network name such as `[x](command:workbench.action.terminal.new)`
 * or `<img src=…>` must reach the hover as the characters the person typed, never as a link, a
 * command or HTML. Hover Markdown is trusted for a few of our own commands, so an injected
 * command link would otherwise be clickable.
 *
 * CommonMark lets every ASCII punctuation character be escaped with a backslash, and an escaped
 * character never starts any construct (link, emphasis, code span, HTML, entity, autolink). So
 * escaping *all* ASCII punctuation is the one rule that is safe whatever the renderer's
 * extensions are; it costs nothing in readability because the backslashes do not render.
 * Line breaks and tabs are folded into single spaces so text cannot start a new block (a
 * heading, a list, a table row) either.
 */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** `text` as literal Markdown text: every ASCII punctuation character backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, '\\$&');
}

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
