import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "fs";
import { basename, dirname, join } from "path";

/**
 * Writes the output through a temporary file beside the target, renamed into place once complete: an
 * interrupted run (Ctrl+C, a full disk) never leaves half a workbook under the target's name.
 */
export function writeOutputFile(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "w");
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
