import { escapeTerminalText } from "./terminal-text";

/**
 * A one-line progress bar for `check` on a terminal: `[#######·····] 7/12 name.xlsx`, redrawn in place with
 * a carriage return, and erased before any other line is printed and at the end.
 */
export class ProgressBar {
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly width = 24,
  ) {}

  draw(done: number, label: string): void {
    const filled = this.total === 0 ? this.width : Math.round((done / this.total) * this.width);
    const bar = "#".repeat(filled) + "·".repeat(this.width - filled);
    const safe = escapeTerminalText(label);
    const shortLabel = safe.length > 40 ? `…${safe.slice(-39)}` : safe;
    this.write(`\r\x1b[K[${bar}] ${done}/${this.total} ${shortLabel}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.write("\r\x1b[K");
    this.shown = false;
  }
}
