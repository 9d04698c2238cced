/**
 * Node has no DOMParser; every webview the add-in runs in does (IE11 included), and the shell parses the run
 * record with it. Jest installs @xmldom/xmldom's in its place before each test file (jest.config.js setupFiles).
 */
import { DOMParser } from "@xmldom/xmldom";

if (!("DOMParser" in globalThis)) Object.assign(globalThis, { DOMParser });
