/**
 * A fake of the parts of Office.js the add-in uses, over a FakeWorkbook. It behaves like the real host where it
 * matters: operations are queued and run only at sync; reading a property before load + sync throws
 * PropertyNotLoaded; sheet and table names are validated; values and number formats must match the range's
 * shape; APIs above the configured ExcelApi level fail with ApiNotFound; every sync is counted and its request
 * size estimated (UTF-8 JSON of the queued operations).
 */
import { parseCellAddress } from "../../src/core/cell-address";
import { FakeSheet, FakeWorkbook, MAX_ROW, type FakeCell, type Rect } from "./workbook-model";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Operation {
  readonly payload: unknown;
  readonly minLevel: string;
  /** Returns what a load read (its size counts toward the response), nothing for writes. */
  readonly run: () => unknown;
}

const encoder = new TextEncoder();

export class FakeRequestContext {
  private queue: Operation[] = [];
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(payload: unknown, run: () => unknown, minLevel = "1.1"): void {
    this.queue.push({ payload, run, minLevel });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const bytes = operations.reduce((n, op) => n + encoder.encode(JSON.stringify(op.payload)).length, 0);
    this.model.syncs.push({ bytes, operations: operations.length });
    await Promise.resolve();
    const fault = this.model.failNextSync;
    if (fault) {
      this.model.failNextSync = null;
      throw new FakeOfficeError(fault, `injected fault: ${fault}`);
    }
    let responseBytes = 0;
    for (const op of operations) {
      if (!this.model.supports(op.minLevel))
        throw new FakeOfficeError(
          "ApiNotFound",
          `needs ExcelApi ${op.minLevel}: ${JSON.stringify(op.payload)}`,
        );
      const loaded = op.run();
      if (loaded !== undefined && Number.isFinite(this.model.responseLimitBytes))
        responseBytes += encoder.encode(JSON.stringify(loaded)).length;
    }
    if (responseBytes > this.model.responseLimitBytes)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
  }
}

function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function splitProperties(props?: string | string[]): string[] {
  const list = Array.isArray(props) ? props : (props ?? "").split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Base of every proxy: load() queues a read; loaded values are kept per property. */
abstract class FakeClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
  ) {}

  load(props?: string | string[]): this {
    const list = splitProperties(props);
    this.ctx.enqueue({ load: this.path, props: list }, () => {
      for (const p of list) this.loaded.set(p, this.readProperty(p));
      return list.map((p) => this.loaded.get(p));
    });
    return this;
  }

  protected abstract readProperty(property: string): unknown;

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  protected set(property: string, value: unknown, run: () => void, minLevel = "1.1"): void {
    this.ctx.enqueue({ set: this.path, property, value }, run, minLevel);
  }

  protected call(method: string, args: unknown[], run: () => void, minLevel = "1.1"): void {
    this.ctx.enqueue({ call: this.path, method, args }, run, minLevel);
  }
}

class FakeWorkbookProxy extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeWorkbookTables(ctx);
  }
  getSelectedRange(): FakeRange {
    const model = this.ctx.model;
    return new FakeRange(
      this.ctx,
      "workbook.getSelectedRange()",
      () => model.activeSheet,
      () =>
        model.selection.sheetId === model.activeSheetId
          ? model.selection.rect
          : { top: 1, left: 1, bottom: 1, right: 1 },
    );
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `workbook.${property} is not faked`);
  }
}

/** workbook.tables: only `load("items/name")` is faked. */
class FakeWorkbookTables extends FakeClientObject {
  private names: string[] | null = null;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.tables");
  }
  override load(props?: string | string[]): this {
    this.ctx.enqueue({ load: this.path, props }, () => {
      this.names = this.ctx.model.tables.map((t) => t.name);
    });
    return this;
  }
  get items(): { name: string }[] {
    if (!this.names) throw propertyNotLoaded("items");
    return this.names.map((name) => ({ name }));
  }
  protected readProperty(): unknown {
    return null;
  }
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]：＼／？＊［］]/;

function validateSheetName(model: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name))
    throw new FakeOfficeError("InvalidArgument", `invalid sheet name: ${name}`);
  const clash = model.sheetByName(name);
  if (clash && clash !== except) throw new FakeOfficeError("ItemAlreadyExists", `sheet exists: ${name}`);
}

class FakeWorksheetCollection extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.worksheets");
  }
  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>("items");
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({ load: this.path, props: list }, () => {
      const items = this.ctx.model.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.ctx, `worksheet(${sheet.id})`, () => sheet);
        proxy.fill(list);
        return proxy;
      });
      this.loadedItems = items;
    });
    return this;
  }
  private loadedItems: FakeWorksheet[] | null = null;
  protected override get<T>(property: string): T {
    if (property !== "items" || !this.loadedItems) throw propertyNotLoaded(property);
    return this.loadedItems as T;
  }
  protected readProperty(): unknown {
    return null;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "worksheets.getActiveWorksheet()", () => this.ctx.model.activeSheet);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${key})`, () => {
      const sheet = this.ctx.model.sheetById(key) ?? this.ctx.model.sheetByName(key);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet ${key}`);
      return sheet;
    });
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.call("add", [name], () => {
      validateSheetName(this.ctx.model, name);
      created = this.ctx.model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${name})`, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", `sheet ${name} was not created`);
      return created;
    });
  }
}

class FakeWorksheet extends FakeClientObject {
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx, path);
    this.tables = new FakeTableCollection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
  }
  /** Loaded values filled in directly (collection loads). */
  fill(props: string[]): void {
    this.preloaded = new Map(props.map((p) => [p, this.readProperty(p)]));
  }
  private preloaded: Map<string, unknown> | null = null;
  protected override get<T>(property: string): T {
    if (this.preloaded?.has(property)) return this.preloaded.get(property) as T;
    return super.get<T>(property);
  }
  get id(): string {
    return this.get<string>("id");
  }
  get name(): string {
    return this.get<string>("name");
  }
  set name(value: string) {
    this.set("name", value, () => {
      const sheet = this.resolve();
      validateSheetName(this.ctx.model, value, sheet);
      sheet.name = value;
    });
  }
  protected readProperty(property: string): unknown {
    const sheet = this.resolve();
    if (property === "id") return sheet.id;
    if (property === "name") return sheet.name;
    throw new FakeOfficeError("InvalidArgument", `worksheet.${property} is not faked`);
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address})`, this.resolve, () =>
      parseRect(address),
    );
  }
  getRanges(address: string): FakeRangeAreas {
    const path = `${this.path}.getRanges(${address})`;
    if (address.length >= 8192) throw new FakeOfficeError("InvalidArgument", "getRanges address too long");
    return new FakeRangeAreas(this.ctx, path, this.resolve, () => address.split(",").map(parseRect));
  }
  getUsedRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRange()`,
      this.resolve,
      () => this.resolve().usedRect() ?? { top: 1, left: 1, bottom: 1, right: 1 },
    );
  }
  activate(): void {
    this.call("activate", [], () => {
      this.ctx.model.activeSheetId = this.resolve().id;
    });
  }
  delete(): void {
    this.call("delete", [], () => {
      const model = this.ctx.model;
      const sheet = this.resolve();
      if (model.sheets.length === 1)
        throw new FakeOfficeError("InvalidOperation", "cannot delete the last sheet");
      const index = model.sheets.indexOf(sheet);
      model.sheets.splice(index, 1);
      model.tables = model.tables.filter((t) => t.sheetId !== sheet.id);
      if (model.activeSheetId === sheet.id) model.activeSheetId = model.sheets[Math.max(0, index - 1)]!.id;
      if (model.selection.sheetId === sheet.id)
        model.selection = { sheetId: model.activeSheetId, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
}

/** "A1", "B2:C3", "A:A" (a whole column). */
function parseRect(address: string): Rect {
  const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  if (whole) {
    const a = parseCellAddress(`${whole[1]}1`)!;
    const b = parseCellAddress(`${whole[2]}1`)!;
    return { top: 1, bottom: MAX_ROW, left: a.column, right: b.column };
  }
  const [first, second, extra] = address.split(":");
  const a = first === undefined ? null : parseCellAddress(first);
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b || extra !== undefined) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function forEachCell(rect: Rect, visit: (row: number, column: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) visit(r, c);
}

function checkShape(rect: Rect, value: unknown, what: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  if (
    !Array.isArray(value) ||
    value.length !== rows ||
    value.some((row) => !Array.isArray(row) || row.length !== columns)
  )
    throw new FakeOfficeError("InvalidArgument", `${what} must be a ${rows}×${columns} array`);
  return value as unknown[][];
}

/**
 * What Excel stores when a value is written: a leading apostrophe keeps text (and is not stored), "=" starts a
 * formula, and unless the cell's format is text ("@"), number-, date- and boolean-looking strings are converted.
 */
export function storeValue(cell: FakeCell, value: unknown): void {
  delete cell.formula;
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  const text = value === null || value === undefined ? "" : String(value);
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    return;
  }
  // Office.js documents that a written value starting with "=", "+" or "-" is taken as a formula.
  if (
    text.startsWith("=") ||
    (text.startsWith("+") && text.length > 1) ||
    (text.startsWith("-") && text.length > 1)
  ) {
    cell.formula = text;
    cell.value = "#FORMULA";
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = text;
    return;
  }
  // Examples Excel converts: `001` → 1, `2023.10` → 2023.1, `50%` → 0.5, `1-3` and `3/4` → a date serial.
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(text.trim())) {
    const n = Number(text.trim().replace("%", ""));
    cell.value = text.trim().endsWith("%") ? n / 100 : n;
  } else if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(text.trim())) cell.value = 45000;
  else if (/^(true|false)$/i.test(text.trim())) cell.value = /^true$/i.test(text.trim());
  else cell.value = text;
}

class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly rect: () => Rect,
  ) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, sheet, () => [rect()]);
  }
  protected readProperty(property: string): unknown {
    const sheet = this.sheet();
    const rect = this.rect();
    switch (property) {
      case "address":
        return this.ctx.model.address(sheet, rect);
      case "values":
        return sheet.valuesOf(rect);
      case "numberFormat": {
        const rows: string[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: string[] = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(sheet.cell(r, c)?.numberFormat ?? "General");
          rows.push(row);
        }
        return rows;
      }
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      default:
        throw new FakeOfficeError("InvalidArgument", `range.${property} is not faked`);
    }
  }
  get address(): string {
    return this.get("address");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(value: unknown[][]) {
    this.set("values", value, () => {
      const rect = this.rect();
      const rows = checkShape(rect, value, "values");
      const sheet = this.sheet();
      forEachCell(rect, (r, c) => storeValue(sheet.touch(r, c), rows[r - rect.top]![c - rect.left]));
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this.set("numberFormat", value, () => {
      const rect = this.rect();
      const rows = checkShape(rect, value, "numberFormat");
      const sheet = this.sheet();
      forEachCell(rect, (r, c) => {
        sheet.touch(r, c).numberFormat = String(rows[r - rect.top]![c - rect.left]);
      });
    });
  }
  set hyperlink(value: { documentReference?: string; textToDisplay?: string; address?: string }) {
    this.set(
      "hyperlink",
      value,
      () => {
        const rect = this.rect();
        const sheet = this.sheet();
        forEachCell(rect, (r, c) => {
          const cell = sheet.touch(r, c);
          cell.hyperlink = { ...value };
          if (value.textToDisplay !== undefined) cell.value = value.textToDisplay;
        });
      },
      "1.7",
    );
  }
  select(): void {
    this.call("select", [], () => {
      const sheet = this.sheet();
      this.ctx.model.activeSheetId = sheet.id;
      this.ctx.model.selection = { sheetId: sheet.id, rect: this.rect() };
    });
  }
}

class FakeRangeAreas extends FakeClientObject {
  readonly format: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, path: string, sheet: () => FakeSheet, rects: () => Rect[]) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, sheet, rects, "1.9");
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `rangeAreas.${property} is not faked`);
  }
}

class FakeRangeFormat extends FakeClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly rects: () => Rect[],
    private readonly minLevel = "1.1",
  ) {
    super(ctx, path);
    this.fill = new FakeRangeFill(ctx, `${path}.fill`, sheet, rects, minLevel);
    this.font = new FakeRangeFont(ctx, `${path}.font`, sheet, rects, minLevel);
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `format.${property} is not faked`);
  }
  set columnWidth(points: number) {
    this.set(
      "columnWidth",
      points,
      () => {
        for (const rect of this.rects())
          for (let c = rect.left; c <= rect.right; c++) this.sheet().columnWidths.set(c, points);
      },
      "1.2",
    );
  }
  set wrapText(wrap: boolean) {
    this.set(
      "wrapText",
      wrap,
      () => {
        for (const rect of this.rects())
          forEachCell(rect, (r, c) => void (this.sheet().touch(r, c).wrap = wrap));
      },
      this.minLevel,
    );
  }
}

class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly rects: () => Rect[],
    private readonly minLevel: string,
  ) {
    super(ctx, path);
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `font.${property} is not faked`);
  }
  set bold(bold: boolean) {
    this.set(
      "bold",
      bold,
      () => {
        for (const rect of this.rects())
          forEachCell(rect, (r, c) => void (this.sheet().touch(r, c).bold = bold));
      },
      this.minLevel,
    );
  }
}

/** Excel reports a cell without fill as white with pattern "None". */
const NO_FILL = { color: "#FFFFFF", pattern: "None" };

class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly rects: () => Rect[],
    private readonly minLevel: string,
  ) {
    super(ctx, path);
  }
  override load(props?: string | string[]): this {
    if (splitProperties(props).includes("pattern")) {
      // Reading the pattern is ExcelApi 1.9: queue a probe that fails below it.
      this.ctx.enqueue({ load: this.path, props: ["pattern"] }, () => undefined, "1.9");
    }
    return super.load(props);
  }
  protected readProperty(property: string): unknown {
    const fills = new Set<string>();
    const sheet = this.sheet();
    for (const rect of this.rects())
      forEachCell(rect, (r, c) => {
        const fill = sheet.cell(r, c)?.fill ?? NO_FILL;
        fills.add(property === "color" ? fill.color : fill.pattern);
      });
    // A range of mixed fills reports null, like Excel.
    return fills.size === 1 ? [...fills][0] : null;
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.set(
      "color",
      color,
      () => {
        if (!/^#[0-9A-F]{6}$/i.test(color))
          throw new FakeOfficeError("InvalidArgument", `bad color ${color}`);
        this.each((cell) => (cell.fill = { color: color.toUpperCase(), pattern: "Solid" }));
      },
      this.minLevel,
    );
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set pattern(pattern: string) {
    this.set(
      "pattern",
      pattern,
      () =>
        this.each((cell) => {
          cell.fill = pattern === "None" ? undefined : { color: cell.fill?.color ?? "#000000", pattern };
        }),
      "1.9",
    );
  }
  clear(): void {
    this.call("clear", [], () => this.each((cell) => delete cell.fill), this.minLevel);
  }
  private each(visit: (cell: FakeCell) => void): void {
    const sheet = this.sheet();
    for (const rect of this.rects()) forEachCell(rect, (r, c) => visit(sheet.touch(r, c)));
  }
}

const TABLE_NAME = /^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/;

class FakeTableCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, `${worksheet.path}.tables`);
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `tables.${property} is not faked`);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const holder: { table: import("./workbook-model").FakeTable | null } = { table: null };
    this.call("add", [address, hasHeaders], () => {
      const sheet = this.worksheet.resolve();
      const rect = parseRect(address);
      const model = this.ctx.model;
      const overlaps = model.tables.some(
        (t) =>
          t.sheetId === sheet.id &&
          !(
            t.rect.bottom < rect.top ||
            rect.bottom < t.rect.top ||
            t.rect.right < rect.left ||
            rect.right < t.rect.left
          ),
      );
      if (overlaps) throw new FakeOfficeError("InvalidOperation", "tables cannot overlap");
      let n = model.tables.length + 1;
      while (model.tables.some((t) => t.name === `Table${n}`)) n++;
      holder.table = { name: `Table${n}`, style: "TableStyleMedium2", sheetId: sheet.id, rect };
      model.tables.push(holder.table);
    });
    return new FakeTable(this.ctx, `${this.path}.add(${address})`, () => {
      if (!holder.table) throw new FakeOfficeError("ItemNotFound", "table was not created");
      return holder.table;
    });
  }
}

class FakeTable extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly resolve: () => import("./workbook-model").FakeTable,
  ) {
    super(ctx, path);
  }
  protected readProperty(property: string): unknown {
    const table = this.resolve();
    if (property === "name") return table.name;
    if (property === "style") return table.style;
    throw new FakeOfficeError("InvalidArgument", `table.${property} is not faked`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => {
      const table = this.resolve();
      if (!TABLE_NAME.test(name) || name.length > 255)
        throw new FakeOfficeError("InvalidArgument", `invalid table name ${name}`);
      if (this.ctx.model.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `table exists: ${name}`);
      table.name = name;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(style: string) {
    this.set("style", style, () => void (this.resolve().style = style));
  }
}

class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, `${worksheet.path}.freezePanes`);
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `freezePanes.${property} is not faked`);
  }
  freezeRows(count: number): void {
    this.call("freezeRows", [count], () => void (this.worksheet.resolve().frozenRows = count), "1.7");
  }
}

/** Office.context.document.settings over the model: set/get in memory, saveAsync writes into the "document". */
export class FakeSettings {
  private live: Record<string, unknown>;
  constructor(private readonly model: FakeWorkbook) {
    this.live = JSON.parse(model.savedSettings) as Record<string, unknown>;
  }
  get(name: string): unknown {
    return this.live[name] ?? null;
  }
  set(name: string, value: unknown): void {
    this.live[name] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  remove(name: string): void {
    delete this.live[name];
  }
  saveAsync(callback?: (result: { status: string; error?: unknown; value?: undefined }) => void): void {
    this.model.savedSettings = JSON.stringify(this.live);
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }
}

/** The globals `Office` and `Excel` as the add-in sees them, over one fake workbook. */
export function createFakeOffice(model: FakeWorkbook): { Office: unknown; Excel: unknown } {
  const settings = new FakeSettings(model);
  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    HostType: { Excel: "Excel" },
    context: {
      get displayLanguage() {
        return model.displayLanguage;
      },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" ? model.supports(version ?? "1.1") : false,
      },
      document: { settings },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, action: (event: unknown) => unknown) => void model.actions.set(name, action),
    },
  };
  const Excel = {
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(model);
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    },
  };
  return { Office, Excel };
}

/** Installs the fake as the globals `Office` and `Excel` (node tests); returns the model for assertions. */
export function installFakeOffice(model: FakeWorkbook): FakeWorkbook {
  const { Office, Excel } = createFakeOffice(model);
  Object.assign(globalThis, { Office, Excel });
  return model;
}
