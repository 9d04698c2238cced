/**
 * Every build a test starts (webpack for the add-in, the WPS folder and the offline page) shares webpack's
 * persistent cache in .tmp/webpack-cache: the suites build the same modules with a few different settings, and
 * compiling them once instead of six times is most of `npm test`'s time (webpack.config.js, persistentCache).
 * Child processes inherit the variable. A developer can point it elsewhere, or at an empty folder for a cold build.
 */
import { join } from "path";

process.env.WEBPACK_CACHE_DIR ??= join(__dirname, "..", ".tmp", "webpack-cache");
