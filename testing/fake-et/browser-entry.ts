/**
 * The fake ET host for the browser tests of the WPS pane: `window.Application` as WPS gives it to a 加载项's pages,
 * over a model the test reaches as `window.__etModel` (put a grid on the active sheet, read the sheets back).
 */
import { EtBookModel } from "./et-model";
import { FakeEtApplication } from "./fake-et";

const model = new EtBookModel();
const host = window as unknown as { Application: FakeEtApplication; __etModel: EtBookModel };
host.__etModel = model;
host.Application = new FakeEtApplication(model);
