/**
 * The page never freezes: the reading, the analysis and the result package run in a Web Worker made from the page's
 * own script (a blob: URL, which the page's Content-Security-Policy allows for workers only), while the page keeps
 * painting its progress. 2,000 projects took the page's one thread for 3.8 s before (13 s on a slow PC, with
 * nothing on screen). Where a worker cannot be made (a browser that refuses it), the work runs on the page's thread
 * as before, one file at a time with a pause between files for the page to paint.
 */
import { checkFiles, type BatchEntry } from "./check-files";
import {
  checkInput,
  shownOutcome,
  type OfflineInput,
  type OfflineOptions,
  type ShownOutcome,
} from "./run-offline";

type Request =
  | {
      readonly id: number;
      readonly kind: "check";
      readonly input: OfflineInput;
      readonly options: OfflineOptions;
    }
  | {
      readonly id: number;
      readonly kind: "batch";
      readonly inputs: readonly OfflineInput[];
      readonly options: OfflineOptions;
    };

type Reply =
  | {
      readonly id: number;
      readonly kind: "progress";
      readonly done: number;
      readonly total: number;
      readonly name: string;
    }
  /** How far a single check is, in per cent (normalizeInput's betweenSlices). */
  | { readonly id: number; readonly kind: "percent"; readonly percent: number }
  | { readonly id: number; readonly kind: "check"; readonly outcome: ShownOutcome }
  | { readonly id: number; readonly kind: "batch"; readonly entries: BatchEntry[] }
  | { readonly id: number; readonly kind: "error"; readonly message: string };

/** What the worker side needs of its global scope (the page is compiled with the DOM's types, not the worker's). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
}

/** The worker side: answers each request, handing the result's bytes over rather than copying them. */
export function serveInWorker(scope: WorkerScope): void {
  scope.onmessage = (event) => {
    const request = event.data;
    const answer =
      request.kind === "check"
        ? checkInput(request.input, request.options, percentReporter(scope, request.id)).then(
            (outcome): [Reply, Transferable[]] => [
              { id: request.id, kind: "check", outcome: shownOutcome(outcome) },
              outcome.kind === "done" ? [outcome.download.bytes.buffer] : [],
            ],
          )
        : checkFiles(request.inputs, request.options, (done, total, name) =>
            scope.postMessage({ id: request.id, kind: "progress", done, total, name }),
          ).then((entries): [Reply, Transferable[]] => [
            { id: request.id, kind: "batch", entries },
            entries.flatMap((e) => (e.download ? [e.download.bytes.buffer] : [])),
          ]);
    answer
      .then(([reply, transfer]) => scope.postMessage(reply, transfer))
      .catch((error: unknown) =>
        scope.postMessage({
          id: request.id,
          kind: "error",
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  };
}

/** Posts the per cent done of a check, once per whole per cent that changed. */
function percentReporter(scope: WorkerScope, id: number): (percent: number) => void {
  let last = -1;
  return (percent) => {
    if (percent === last) return;
    last = percent;
    scope.postMessage({ id, kind: "percent", percent });
  };
}

/** A pause for the page to paint between files when the work runs on its thread. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The page side: one worker for the page's life, requests answered in turn; the page's thread when no worker. */
export class AnalysisRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (reply: Reply) => void;
      onProgress?: (done: number, total: number, name: string) => void;
      onPercent?: (percent: number) => void;
    }
  >();

  /** `script`: the page's own script text, to start the worker from; null runs everything on the page's thread. */
  constructor(script: string | null) {
    if (script === null || typeof Worker === "undefined") return;
    try {
      const url = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
      this.worker = new Worker(url);
      this.worker.onmessage = (event: MessageEvent<Reply>) => {
        const reply = event.data;
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        if (reply.kind === "progress") waiting.onProgress?.(reply.done, reply.total, reply.name);
        else if (reply.kind === "percent") waiting.onPercent?.(reply.percent);
        else {
          this.pending.delete(reply.id);
          waiting.resolve(reply);
        }
      };
      // A worker that fails to start (a policy, a browser without blob: workers): every request left, and every later
      // one, runs on the page's thread.
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.worker?.terminate();
        this.worker = null;
        for (const [id, waiting] of this.pending) waiting.resolve({ id, kind: "error", message: "worker" });
        this.pending.clear();
      };
    } catch {
      this.worker = null;
    }
  }

  /** Whether the work leaves the page's thread (for the tests and the progress wording). */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  private ask(
    request: Request,
    onProgress?: (done: number, total: number, name: string) => void,
    onPercent?: (percent: number) => void,
  ): Promise<Reply> | null {
    const worker = this.worker;
    if (!worker) return null;
    return new Promise((resolve) => {
      this.pending.set(request.id, {
        resolve,
        ...(onProgress ? { onProgress } : {}),
        ...(onPercent ? { onPercent } : {}),
      });
      try {
        worker.postMessage(request);
      } catch (error) {
        this.pending.delete(request.id);
        resolve({ id: request.id, kind: "error", message: String(error) });
      }
    });
  }

  /** One check; `onPercent` hears how far it is (in the worker, or on the page's thread between its slices). */
  async check(
    input: OfflineInput,
    options: OfflineOptions,
    onPercent?: (percent: number) => void,
  ): Promise<ShownOutcome> {
    const reply = await this.ask({ id: this.nextId++, kind: "check", input, options }, undefined, onPercent);
    if (reply?.kind === "check") return reply.outcome;
    await yieldToPage();
    // On the page's thread: a pause between the analysis's slices, for the page to paint and stay alive.
    return shownOutcome(
      await checkInput(input, options, (percent) => {
        onPercent?.(percent);
        return yieldToPage();
      }),
    );
  }

  async checkMany(
    inputs: readonly OfflineInput[],
    options: OfflineOptions,
    onProgress: (done: number, total: number, name: string) => void,
  ): Promise<BatchEntry[]> {
    const reply = await this.ask({ id: this.nextId++, kind: "batch", inputs, options }, onProgress);
    if (reply?.kind === "batch") return reply.entries;
    const entries: BatchEntry[] = [];
    for (const [index, input] of inputs.entries()) {
      onProgress(index, inputs.length, input.name);
      await yieldToPage();
      entries.push(...(await checkFiles([input], options, () => undefined)));
    }
    onProgress(inputs.length, inputs.length, "");
    return entries;
  }
}
