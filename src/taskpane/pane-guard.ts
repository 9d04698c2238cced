/**
 * The first script of the task pane and the result dialog, loaded alone and not deferred. Where the webview
 * cannot run the page (Microsoft recommends "a graceful failure message" for Trident and EdgeHTML: "Support older
 * Microsoft webviews and Office versions"), it shows a short message in place of a blank pane:
 * - the engine lacks ES5 (an old document mode, or Internet Explorer before 11);
 * - office.js did not load (an intranet without Microsoft's CDN);
 * - the page's bundle did not start (it failed to parse or threw while loading).
 * Chinese first; English when Office (or, before Office answers, the webview) is in English.
 * It uses only what Internet Explorer 9 already had, and gets no polyfills (webpack.config.js), since it must run
 * exactly where those would fail.
 */
import { BUNDLE_STARTED_ATTRIBUTE } from "./bundle-started";
import { paneEnUS } from "./messages/en-US";
import { paneZhCN, type PaneMessages } from "./messages/zh-CN";

type Problem =
  { readonly kind: "webview" | "office-js" } | { readonly kind: "bundle"; readonly detail: string };

/** Scripts whose failure means the page cannot run: the bundles this build emits. */
const OWN_BUNDLE = /(taskpane|dialog)\.js(\?|$)/;

let problem: Problem | null = canRunEs5() ? null : { kind: "webview" };

function canRunEs5(): boolean {
  try {
    const probe: { readonly x?: number } = {};
    Object.defineProperty(probe, "x", { get: () => 1 });
    return (
      probe.x === 1 &&
      typeof JSON === "object" &&
      typeof Object.create === "function" &&
      typeof document.addEventListener === "function"
    );
  } catch {
    return false;
  }
}

function isEnglish(tag: unknown): boolean {
  return typeof tag === "string" && /^en\b/i.test(tag);
}

function webviewLanguage(): unknown {
  const nav = navigator as Navigator & { userLanguage?: string; browserLanguage?: string };
  return nav.language || nav.userLanguage || nav.browserLanguage;
}

function describe(found: Problem, m: PaneMessages): string {
  switch (found.kind) {
    case "webview":
      return m.unsupportedWebview;
    case "office-js":
      return m.officeJsMissing;
    case "bundle":
      return m.bundleFailed(found.detail);
  }
}

function show(found: Problem, languageTag: unknown): void {
  const box = document.getElementById("unsupported");
  if (!box) return;
  const m = isEnglish(languageTag) ? paneEnUS : paneZhCN;
  box.textContent = describe(found, m);
  box.removeAttribute("hidden");
  const app = document.getElementById("app");
  if (app) app.style.display = "none";
}

function report(found: Problem): void {
  show(found, webviewLanguage());
  // Office knows its own display language once it has initialised; say it again in that language.
  const office = (window as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return;
  try {
    office.onReady(() => show(found, office.context && office.context.displayLanguage));
  } catch {
    // The message in the webview's language stays.
  }
}

function started(): boolean {
  return document.documentElement.getAttribute(BUNDLE_STARTED_ATTRIBUTE) === "true";
}

// An uncaught error from the page's own bundle before it started: say so (later errors are the page's to show).
const previousOnError = window.onerror;
window.onerror = function (message, source, line, column, error) {
  if (!started() && problem === null && typeof source === "string" && OWN_BUNDLE.test(source))
    problem = { kind: "bundle", detail: String(message) };
  return typeof previousOnError === "function"
    ? previousOnError.call(window, message, source, line, column, error)
    : false;
};

/** Whether the page loads office.js at all: the pane built for WPS does not (WPS runs no Office.js). */
function pageLoadsOfficeJs(): boolean {
  const scripts = document.getElementsByTagName("script");
  for (let i = 0; i < scripts.length; i++) if (/office\.js(\?|$)/i.test(scripts[i]!.src)) return true;
  return false;
}

function onLoad(): void {
  if (
    problem === null &&
    pageLoadsOfficeJs() &&
    typeof (window as { Office?: unknown }).Office === "undefined"
  )
    problem = { kind: "office-js" };
  if (problem === null && !started()) problem = { kind: "bundle", detail: "not started" };
  if (problem !== null) report(problem);
}

// Deferred scripts have all run by the load event.
const legacyWindow = window as Window & { attachEvent?: (name: string, listener: () => void) => void };
if (typeof window.addEventListener === "function") window.addEventListener("load", onLoad);
else if (legacyWindow.attachEvent) legacyWindow.attachEvent("onload", onLoad);
