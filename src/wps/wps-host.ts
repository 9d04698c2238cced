/**
 * The one place that reaches the WPS host. In a WPS 加载项's pages (the ribbon's main page and the task pane),
 * `window.Application` is ET's Application merged with the add-in root (CreateTaskPane, PluginStorage, …); older
 * builds name it `window.wps` (et-jsapi-declare declares both). Everything else gets the Application from here,
 * so the rest of src/wps can be run against the fake ET host.
 */
export type WpsApplication = Et.Application & WPS.AddonRoot;

/** WPS's Application when this page runs inside WPS 表格, else null (Office, a plain browser). */
export function wpsApplication(win: Window): WpsApplication | null {
  const host = win as Window & { Application?: unknown; wps?: unknown };
  for (const candidate of [host.Application, host.wps]) {
    if (typeof candidate !== "object" || candidate === null) continue;
    try {
      // ET's Application has ActiveWorkbook (null when no workbook is open); nothing else a page has does.
      if (typeof (candidate as { ActiveWorkbook?: unknown }).ActiveWorkbook !== "undefined")
        return candidate as WpsApplication;
    } catch {
      // A host object that throws on a read is not one we can drive.
    }
  }
  return null;
}
