/** What the commands need from the process, passed in so tests run them without spawning one. */
export interface CliIo {
  /** Writes text as given (callers end lines with "\n"). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Writes to stderr with control sequences as they are: the progress bar's redraws only (it escapes its label). */
  readonly stderrControl?: (text: string) => void;
  /** A progress bar is drawn only on a terminal, never into a pipe or a file. */
  readonly stderrIsTTY: boolean;
  /** Where relative paths start. */
  readonly cwd: string;
  /** The project folder: the demo reads its sample and writes out/ there. */
  readonly projectRoot: string;
}
