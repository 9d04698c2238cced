import { markBundleStarted } from "../taskpane/bundle-started";
markBundleStarted(document);
