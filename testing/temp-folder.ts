/**
 * A fresh folder in the system's temp folder for one test file, removed when the file's tests are done: a test run
 * leaves nothing behind (hundreds of runs on a developer's machine otherwise fill /tmp with their files).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const made: string[] = [];

// Registered once per test file, when the file first imports this module (Jest loads modules per test file).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder named `PREFIX…` in the temp folder, removed after the test file. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
