/**
 * Long work in slices. A stage written as a generator does its work an item at a time, adds each item's work
 * units to a SliceMeter, and yields when the meter says the slice is full; the caller decides what a yield means:
 * a shell gives the thread back to its host (the pane paints, Office sees the add-in alive), a caller that wants
 * the result at once runs the steps to the end (runSlices). Work is counted in units of work, not in time: the
 * same input always yields at the same places, so the slices are tested without a clock (npm run bench:ie11
 * measures what a slice costs).
 */

export class SliceMeter {
  private used = 0;
  /** `budget`: the units a slice may take; a slice ends after the item that reaches it. */
  constructor(readonly budget: number) {}

  /** Counts an item's units; true when the slice is full and the stage should yield. */
  add(units: number): boolean {
    this.used += units;
    return this.used >= this.budget;
  }

  /** The units counted since the last take, starting a new slice. */
  take(): number {
    const used = this.used;
    this.used = 0;
    return used;
  }
}

/** Runs a stage's steps to the end, with no pause, and returns its result. */
export function runSlices<T>(steps: Iterator<unknown, T, undefined>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/** A meter whose slices never fill: a stage run to the end in one go yields nothing. */
export function unslicedMeter(): SliceMeter {
  return new SliceMeter(Infinity);
}
