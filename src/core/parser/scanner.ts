import { readNumberPrefix, startsNumber } from './number';

/**
 * Walks a spec line by line and token by token over character codes. It keeps its state in
 * fields (the current line, the cursor, the last token's bounds and value) so that reading a
 * number allocates nothing. Lines end at `\n`, `\r\n` or `\r`, as in VS Code; columns are
 * UTF-16 offsets from the start of the line. A `#` outside a string starts a comment that
 * runs to the end of the line.
 */

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const COLON = 58;
const BACKSLASH = 92;

export function isSpace(code: number): boolean {
  if (code === SPACE || code === TAB) return true;
  if (code < 128) return code === 11 || code === 12;
  // No-break space, the byte order mark and the other Unicode spaces.
  return code === 0xa0 || code === 0xfeff || code === 0x3000 || code === 0x202f || code === 0x205f || (code >= 0x2000 && code <= 0x200a);
}

/** What a token is, decided by its first character. */
export const enum TokenKind {
  End,
  Number,
  Word,
  String,
  Colon,
}

export class Scanner {
  /** The current line, 0-based; −1 before the first call to nextLine(). */
  line = -1;
  lineStart = 0;
  /** Offset of the line break ending the current line (or of the end of the text). */
  lineEnd = 0;
  /** Offset of the next character to read. */
  pos = 0;
  /** Bounds of the last token read, as offsets. */
  tokenStart = 0;
  tokenEnd = 0;
  private nextLineStart = 0;
  /** Most specs have no `\r`; then indexOf('\n'), which the engine does in bulk, finds line ends. */
  private readonly onlyLineFeeds: boolean;

  constructor(readonly text: string) {
    this.onlyLineFeeds = text.indexOf('\r') < 0;
  }

  /** Moves to the next line; false at the end of the text. */
  nextLine(): boolean {
    const text = this.text;
    if (this.nextLineStart > text.length) return false;
    this.line++;
    this.lineStart = this.pos = this.nextLineStart;
    let i: number;
    if (this.onlyLineFeeds) {
      i = text.indexOf('\n', this.lineStart);
      if (i < 0) i = text.length;
    } else {
      i = this.lineStart;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
        i++;
      }
    }
    this.lineEnd = i;
    if (i >= text.length) this.nextLineStart = text.length + 1;
    else if (text.charCodeAt(i) === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) this.nextLineStart = i + 2;
    else this.nextLineStart = i + 1;
    return true;
  }

  /** Skips spaces and says what comes next, without consuming it. */
  peek(): TokenKind {
    const text = this.text;
    let i = this.pos;
    while (i < this.lineEnd && isSpace(text.charCodeAt(i))) i++;
    this.pos = i;
    if (i >= this.lineEnd) return TokenKind.End;
    const code = text.charCodeAt(i);
    if (code === HASH) return TokenKind.End;
    if (code === QUOTE) return TokenKind.String;
    if (code === COLON) return TokenKind.Colon;
    return startsNumber(code) ? TokenKind.Number : TokenKind.Word;
  }

  /**
   * Consumes one run of text up to a space, `#`, `:` or `"` (at least one character), and
   * records its bounds. Numbers and words are both runs; peek() tells them apart.
   */
  readRun(): void {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    while (i < this.lineEnd) {
      const code = text.charCodeAt(i);
      if (code === HASH || code === COLON || code === QUOTE || isSpace(code)) break;
      i++;
    }
    this.tokenStart = start;
    this.tokenEnd = this.pos = i;
  }

  /** The last token's text. Allocates, so used for words, never for numbers. */
  tokenText(): string {
    return this.text.slice(this.tokenStart, this.tokenEnd);
  }

  /**
   * Consumes a number token, after peek() said one starts here, and returns its value. When
   * the run of text is more than one literal (`0.1.2`, `1e`, `1,5`), the whole run becomes the
   * token and the value is NaN. Reads each character once on the usual path.
   */
  readNumberToken(): number {
    const text = this.text;
    const start = this.pos;
    this.tokenStart = start;
    const value = readNumberPrefix(text, start, this.lineEnd, this);
    const end = this.tokenEnd;
    if (end > start) {
      const next = end < this.lineEnd ? text.charCodeAt(end) : SPACE;
      if (next === SPACE || next === HASH || next === COLON || next === QUOTE || isSpace(next)) {
        this.pos = end;
        return value;
      }
    }
    this.readRun();
    return NaN;
  }

  /** Consumes a single `:`. */
  readColon(): void {
    this.tokenStart = this.pos;
    this.tokenEnd = ++this.pos;
  }

  /**
   * Consumes a double-quoted string starting at the cursor, with escapes `\"` and `\\` (any
   * other backslash stays as written). Returns its contents, or null when the line ends first;
   * then the token runs to the end of the line's text, or to a `#` that starts a comment.
   */
  readString(): string | null {
    const text = this.text;
    this.tokenStart = this.pos;
    let value = '';
    let chunkStart = this.pos + 1;
    for (let i = chunkStart; i < this.lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH && i + 1 < this.lineEnd) {
        const next = text.charCodeAt(i + 1);
        if (next === QUOTE || next === BACKSLASH) {
          value += text.slice(chunkStart, i);
          chunkStart = i + 1;
          i++;
        }
      } else if (code === QUOTE) {
        this.tokenEnd = this.pos = i + 1;
        return value + text.slice(chunkStart, i);
      }
    }
    // Unclosed: a `#` after the quote most likely starts a comment, so the name stops there.
    const hash = text.indexOf('#', this.tokenStart);
    let end = hash >= 0 && hash < this.lineEnd ? hash : this.lineEnd;
    while (end > this.tokenStart + 1 && isSpace(text.charCodeAt(end - 1))) end--;
    this.tokenEnd = this.pos = end;
    return null;
  }

  /** Where the line's text ends (before any comment, trailing spaces excluded); consumes nothing. */
  contentEnd(): number {
    const saved = this.pos;
    const end = this.skipRest();
    this.pos = saved;
    return end;
  }

  /**
   * Consumes the rest of the line's text (not its comment) and returns the offset where that
   * text ends, trailing spaces excluded; the run starts at the cursor after peek().
   */
  skipRest(): number {
    const text = this.text;
    let end = this.pos;
    let inString = false;
    for (let i = this.pos; i < this.lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) inString = !inString;
      else if (code === HASH && !inString) break;
      if (!isSpace(code)) end = i + 1;
    }
    this.tokenStart = this.pos;
    this.tokenEnd = end;
    this.pos = this.lineEnd;
    return end;
  }
}
