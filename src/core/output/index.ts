/** Renderings of a trace: text lines, a Markdown worked solution, and JSON. */
export { traceToText, traceToTextLines, stepLine, groupHeading, type TextOptions } from './text';
export { traceToMarkdown, stepMath, type MarkdownOptions } from './markdown';
export { engineToJson, type TraceJson, type ExampleJson } from './json';
