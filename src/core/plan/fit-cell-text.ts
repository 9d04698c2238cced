/**
 * Excel refuses a cell longer than 32,767 characters, counted in UTF-16 units (an emoji counts as two). Every
 * place that writes text into a cell cuts it here, the same way: the start of the text is kept, a visible note
 * says the whole length, and a surrogate pair is never split (half an emoji is not a character Excel keeps).
 */

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

/** The first `max` UTF-16 units of `text`, one fewer when the last would be the first half of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const last = text.charCodeAt(max - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}

/**
 * `text` unchanged when it fits in a cell; else its start followed by `note(text.length)`, together at most
 * `max` units long. The caller reports the cut cell, so that nothing is cut silently.
 */
export function fitCellText(
  text: string,
  note: (length: number) => string,
  max: number = MAX_CELL_TEXT,
): string {
  if (text.length <= max) return text;
  const shown = note(text.length);
  return cutText(text, max - shown.length) + shown;
}
