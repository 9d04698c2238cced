/**
 * The layouts the core reads, in the order they are asked: when two recognise the same grid equally well, the
 * earlier one reads it. A new layout is a folder beside guangdong-string/ and a line here (and its id in
 * layout-id.ts).
 */
import { guangdongString } from "./guangdong-string";
import type { RegisteredLayout } from "./layout";

export const LAYOUTS: readonly RegisteredLayout[] = [guangdongString];
