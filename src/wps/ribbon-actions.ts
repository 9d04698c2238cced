/**
 * The WPS ribbon's callbacks (ribbon.xml names them; WPS calls them by name on the add-in's main page, index.html,
 * where ribbon.ts puts them).
 * Both buttons only open the task pane with the action to take (`taskpane.html?action=run`), and the pane does the
 * work: the callbacks stay synchronous and return at once, since async callbacks broke the ribbon in some WPS
 * 12.1 builds, and the run's progress, result and issue list are the pane's to show.
 */
import { wpsApplication, type WpsApplication } from "./wps-host";

/** Where the pane's id is kept between clicks: PluginStorage is shared by the add-in's pages for the session. */
export const TASK_PANE_KEY = "indicatorNormalizer.taskPaneId";

const ACTIONS: Readonly<Record<string, "run" | "clear">> = { btnNormalize: "run", btnClearMarks: "clear" };

/** taskpane.html beside this page, asking for `action`; the time makes each click a new navigation. */
export function paneUrl(pageHref: string, action: "run" | "clear", now: number): string {
  const folder = pageHref.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  return `${folder}taskpane.html?action=${action}&t=${now}`;
}

/** The add-in's task pane, shown at `url`: created on the first click, navigated on the next ones. */
function showPane(app: WpsApplication, url: string): void {
  const id = app.PluginStorage.getItem(TASK_PANE_KEY);
  let pane: WPS.CustomTaskpane | null = null;
  if (id) {
    try {
      pane = app.GetTaskPane(Number(id));
      pane.Navigate(url);
    } catch {
      // The clerk closed it for good (or WPS dropped it): make a new one.
      pane = null;
    }
  }
  if (!pane) {
    pane = app.CreateTaskPane(url);
    app.PluginStorage.setItem(TASK_PANE_KEY, pane.ID);
  }
  pane.Visible = true;
}

export interface RibbonCallbacks {
  /** ribbon.xml's onLoad: the first callback WPS makes. */
  readonly OnAddinLoad: (ribbonUI: unknown) => boolean;
  /** ribbon.xml's onAction for both buttons: true when the pane was shown. */
  readonly OnAction: (control: { readonly Id: string }) => boolean;
  /** ribbon.xml's getImage: the add-in's icon, beside the page. */
  readonly GetImage: (control: { readonly Id: string }) => string;
}

/** The callbacks for the page `win` (its location, and WPS's Application on it). */
export function ribbonCallbacks(win: Window): RibbonCallbacks {
  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      const action = ACTIONS[control.Id];
      const app = wpsApplication(win);
      if (!action || !app) return false;
      showPane(app, paneUrl(win.location.href, action, Date.now()));
      return true;
    },
    GetImage: () => "assets/icon-32.png",
  };
}
