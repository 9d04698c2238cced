/**
 * The transposed-digits fault of bench:faults, shared by the sample's layout and the columnar layouts: two
 * neighbouring different digits swapped, never making a leading zero (`1,234.50` → `1,324.50` or `1,234.05`, not
 * `0,...`).
 */

/** Where a swap of text[i] and text[i + 1] makes another amount as amounts are written. */
export function transposablePairs(text: string): number[] {
  return [...text].flatMap((ch, i) =>
    /\d/.test(ch) && /\d/.test(text[i + 1] ?? "") && ch !== text[i + 1] && !(i === 0 && text[1] === "0")
      ? [i]
      : [],
  );
}

/** The text with its digits at i and i + 1 swapped. */
export function transposeAt(text: string, i: number): string {
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}
