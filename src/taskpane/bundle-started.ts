/**
 * The handshake between a page's bundle and the pane guard (pane-guard.ts): the bundle marks <html> once all its
 * modules (core-js first) have run. A page whose bundle never got that far (it did not parse, a polyfill threw,
 * the file was missing) gets the guard's message instead of a blank pane.
 */
export const BUNDLE_STARTED_ATTRIBUTE = "data-bundle-started";

export function markBundleStarted(doc: Document): void {
  doc.documentElement.setAttribute(BUNDLE_STARTED_ATTRIBUTE, "true");
}
