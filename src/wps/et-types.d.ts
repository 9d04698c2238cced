/**
 * The WPS JSAPI's types for 表格 (ET), from the npm package et-jsapi-declare, pinned in package.json: namespaces Et
 * (the object model: Application, Workbook, Worksheet, Range, Interior, …), Kso (shared Office parts: custom XML)
 * and WPS (the add-in root: CreateTaskPane, PluginStorage, the ribbon). The package also declares the globals
 * `Application` and `wps`; ESLint keeps every use of them in src/wps/wps-host.ts, the one place that reaches the
 * host (see eslint.config.mjs).
 */
/// <reference types="et-jsapi-declare" />
