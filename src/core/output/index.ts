/** Renderings of a trace: text lines, a Markdown worked solution, and JSON. */
export { traceToText, traceTextLines, stepLine, termLine, groupHeading, type TextOptions } from './text';
export { traceToMarkdown, traceMarkdownParagraphs, stepMath, type MarkdownOptions } from './markdown';
export { traceJsonPieces, PIECE_NUMBERS, type TraceJson, type ExampleJson } from './json';
