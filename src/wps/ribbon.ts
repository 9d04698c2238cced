/**
 * The entry of the WPS 加载项's main page (index.html): the ribbon's callbacks, on the page's global object, where
 * WPS looks them up by the names ribbon.xml gives (src/wps/ribbon-actions.ts).
 */
import { ribbonCallbacks } from "./ribbon-actions";

const callbacks = ribbonCallbacks(window);
const page = window as unknown as Record<string, unknown>;
page.OnAddinLoad = callbacks.OnAddinLoad;
page.OnAction = callbacks.OnAction;
page.GetImage = callbacks.GetImage;
