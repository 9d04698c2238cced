/**
 * A fake of the parts of Office.js the add-in uses, over a FakeWorkbook. Where real Excel and the fake could
 * differ, the fake is the stricter one; each strictness names the Microsoft page it follows:
 * - operations are queued and run only at sync; reading a property before load + sync throws PropertyNotLoaded;
 * - every request is serialized as Office.js serializes it (RichApi's JSON: ObjectPaths plus Actions, one
 *   Instantiate per object path per request, the "L" early-dispose lists; see ClientRequestBase in
 *   @microsoft/office-js's excel-web-16.00.debug.js), and refused over 5,000,000 bytes with
 *   RequestPayloadSizeLimitExceeded; an answer over 5,000,000 bytes fails with ResponsePayloadSizeLimitExceeded
 *   ("Resource limits and performance optimization": Excel on the web limits requests and responses to 5MB;
 *   test/browser/request-size.test.ts holds this serializer to the real library's within a few per cent);
 * - Range.values of more than 5,000,000 cells reads as null ("Payload size limit best practices", Excel
 *   performance page: "When a get operation using Range.values exceeds the five-million-cell limit, the API
 *   doesn't always throw an error. In some cases, Range.values returns null instead");
 * - workbook.getSelectedRange() fails when several areas are selected (Workbook.getSelectedRange reference: "If
 *   there are multiple ranges selected, this method will throw an error"), with InvalidReference, the code Excel
 *   documents for a selection of several areas (workbook-model.ts, multiAreaSelectionError);
 * - merged cells hold their value in the top-left cell only;
 * - a protected sheet refuses cell and format changes, a protected workbook refuses adding and deleting sheets,
 *   with AccessDenied; while the clerk edits a cell every request fails with InvalidOperationInCellEditMode
 *   (or, in a run with delayForCellEdit at 1.11, waits); InactiveWorkbook, UnsupportedSheet (a chart sheet active),
 *   InvalidSelection (a chart selected), MemoryLimitReached and the web's GeneralException on large writes when
 *   the model says so (workbook-model.ts names each one's source);
 * - sheet and table names are validated; values and number formats must match the range's shape; APIs above the
 *   configured ExcelApi level fail with ApiNotFound;
 * - document settings are a copy per runtime (FakeSettings).
 */
import { parseCellAddress } from "../../src/core/model/cell-address";
import {
  FakeDialog,
  FakeSheet,
  FakeWorkbook,
  MAX_ROW,
  rectText,
  type FakeCell,
  type FakeCustomXmlPart,
  type FakeFill,
  type FakeName,
  type FakeNameRef,
  type Rect,
} from "./workbook-model";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One entry of a request's ObjectPaths, key order as Office.js writes it. */
interface PathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments: unknown[]; readonly ReferencedObjectPathIds?: number[] };
  /** Office.js marks the paths it makes for its own chunked writes as disposable. */
  readonly D?: true;
}

/** One entry of a request's Actions. */
interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly QueryInfo?: { readonly Select: string[] };
  readonly ArgumentInfo?: { readonly Arguments: unknown[] };
  L?: number[];
}

const PATH_TYPE = { root: 1, method: 3, property: 4, indexer: 5 } as const;
const ACTION_TYPE = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

interface QueuedAction {
  readonly info: ActionInfo;
  readonly target: FakeClientObject;
  readonly minLevel: string;
  /** Runs the action on the model; a query returns what it read (for the response's size). */
  readonly run: () => unknown;
  /** A method whose answer comes back in the response (getXml, getCount: a ClientResult). */
  readonly returnsValue?: boolean;
}

/** The request being built: what Office.js's ClientRequest holds until sync. */
class PendingRequest {
  readonly actions: QueuedAction[] = [];
  readonly paths = new Map<number, PathInfo>();
  private readonly instantiated = new Set<number>();

  /** Office.js instantiates every object path once per request, parents first, before its first action. */
  ensureInstantiated(ctx: FakeRequestContext, target: FakeClientObject): void {
    if (this.instantiated.has(target.pathInfo.Id)) return;
    if (target.parent) this.ensureInstantiated(ctx, target.parent);
    for (const argument of target.argumentObjects) this.ensureInstantiated(ctx, argument);
    if (this.instantiated.has(target.pathInfo.Id)) return;
    this.instantiated.add(target.pathInfo.Id);
    this.paths.set(target.pathInfo.Id, target.pathInfo);
    this.actions.push({
      info: {
        Id: ctx.nextId(),
        ActionType: ACTION_TYPE.instantiate,
        Name: "",
        ObjectPathId: target.pathInfo.Id,
      },
      target,
      minLevel: "1.1",
      run: () => target.resolveTarget(),
    });
  }

  /** The body Office.js sends: Actions with their "L" lists (ClientRequestBase._calculateLastUsedObjectPathIds). */
  body(): { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> } {
    const lastUse = new Map<number, number>();
    const mark = (start: FakeClientObject, actionId: number): void => {
      for (let object: FakeClientObject | null = start; object; object = object.parent) {
        if (lastUse.has(object.pathInfo.Id)) return;
        lastUse.set(object.pathInfo.Id, actionId);
        for (const argument of object.argumentObjects) mark(argument, actionId);
      }
    };
    for (let i = this.actions.length - 1; i >= 0; i--)
      mark(this.actions[i]!.target, this.actions[i]!.info.Id);
    const byAction = new Map<number, number[]>();
    for (const [path, action] of lastUse) {
      const list = byAction.get(action);
      if (list) list.push(path);
      else byAction.set(action, [path]);
    }
    const actions = this.actions.map((a) => {
      const last = byAction.get(a.info.Id);
      // Office.js lists them from an object's keys: ascending.
      return last ? { ...a.info, L: last.sort((x, y) => x - y) } : a.info;
    });
    const paths: Record<string, PathInfo> = {};
    for (const id of [...this.paths.keys()].sort((a, b) => a - b)) paths[String(id)] = this.paths.get(id)!;
    return { Actions: actions, ObjectPaths: paths };
  }
}

/** UTF-8 length, as the request travels. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

export class FakeRequestContext {
  /** Set by Excel.run({ delayForCellEdit: true }, …). */
  delayForCellEdit = false;
  private lastId = 0;
  private request = new PendingRequest();
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** The id given to the last action queued (the responder maps Office.js's action ids onto the fake's). */
  get lastActionId(): number {
    const actions = this.request.actions;
    return actions.length > 0 ? actions[actions.length - 1]!.info.Id : 0;
  }

  /** What the last sync's queries read, by the fake's action id (the answer Excel would send). */
  lastResults = new Map<number, unknown>();

  enqueue(
    target: FakeClientObject,
    action: Omit<ActionInfo, "Id" | "ObjectPathId">,
    run: () => unknown,
    minLevel = "1.1",
    returnsValue = false,
  ): void {
    this.request.ensureInstantiated(this, target);
    const info = { Id: this.nextId(), ...action, ObjectPathId: target.pathInfo.Id } as ActionInfo;
    // Key order as Office.js writes it: Id, ActionType, Name, ObjectPathId, then the arguments or query.
    const ordered: ActionInfo = {
      Id: info.Id,
      ActionType: info.ActionType,
      Name: info.Name,
      ObjectPathId: info.ObjectPathId,
      ...(action.QueryInfo ? { QueryInfo: action.QueryInfo } : {}),
      ...(action.ArgumentInfo ? { ArgumentInfo: action.ArgumentInfo } : {}),
    };
    this.request.actions.push({ info: ordered, target, minLevel, run, returnsValue });
  }

  /**
   * Object-creating methods with side effects (worksheets.add, tables.add) are instantiated at once, as Office.js
   * does: the sheet is created by the next sync even when nothing else uses it.
   */
  instantiateNow(target: FakeClientObject): void {
    this.request.ensureInstantiated(this, target);
  }

  get pending(): number {
    return this.request.actions.length;
  }

  /** The body of the request that sync would send now (for size checks in tests). */
  pendingBody(): unknown {
    return this.request.body();
  }

  async sync(): Promise<void> {
    const request = this.request;
    this.request = new PendingRequest();
    // Office.js sends nothing when nothing is queued.
    if (request.actions.length === 0) return;
    const operations = request.actions.filter((a) => a.info.ActionType !== ACTION_TYPE.instantiate).length;
    const text = JSON.stringify(request.body());
    const record = { bytes: utf8Length(text), utf16Bytes: 2 * text.length, responseBytes: 0, operations };
    this.model.syncs.push(record);
    await Promise.resolve();
    const model = this.model;
    if (model.cellEditMode && this.delayForCellEdit && model.supports("1.11")) await model.cellEditEnded();
    if (model.cellEditMode)
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
    if (model.inactive) throw new FakeOfficeError("InactiveWorkbook", "another workbook has the focus");
    if (model.memoryLimitBytes !== null && record.bytes > model.memoryLimitBytes)
      throw new FakeOfficeError("MemoryLimitReached", `request of ${record.bytes} bytes: out of memory`);
    if (model.webGeneralExceptionBytes !== null && record.bytes > model.webGeneralExceptionBytes)
      throw new FakeOfficeError("GeneralException", `request of ${record.bytes} bytes on the web`);
    const fault = model.failNextSync;
    if (fault) {
      model.failNextSync = null;
      throw new FakeOfficeError(fault, `injected fault: ${fault}`);
    }
    if (record.bytes > model.requestLimitBytes)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${record.bytes} bytes over ${model.requestLimitBytes}`,
      );
    const results: { ActionId: number; Value: unknown }[] = [];
    this.lastResults = new Map();
    for (const action of request.actions) {
      if (!model.supports(action.minLevel))
        throw new FakeOfficeError("ApiNotFound", `needs ExcelApi ${action.minLevel}: ${action.target.path}`);
      const value = action.run();
      if (action.info.ActionType !== ACTION_TYPE.query && !action.returnsValue) continue;
      results.push({ ActionId: action.info.Id, Value: value });
      this.lastResults.set(action.info.Id, value);
    }
    for (const action of request.actions)
      if (action.info.ActionType === ACTION_TYPE.instantiate) {
        const created = action.target.afterCreated;
        action.target.afterCreated = null;
        created?.();
      }
    record.responseBytes = utf8Length(JSON.stringify({ Results: results }));
    if (record.responseBytes > model.responseLimitBytes)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${record.responseBytes} bytes over ${model.responseLimitBytes}`,
      );
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

/** "values" → "Values": property and method names travel in PascalCase. */
function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

type PathKind = keyof typeof PATH_TYPE;

/** Base of every proxy: its object path, load() as a query, loaded values kept per property. */
export abstract class FakeClientObject {
  /** Changes once, when an object a method created gets its id (becomeItemOf). */
  pathInfo: PathInfo;
  /** Run after the sync that created the object succeeded (Office.js reads the answer to its Instantiate). */
  afterCreated: (() => void) | null = null;
  /** "workbook.Worksheets[\"id\"].GetRange(\"A1\")", for error messages. */
  readonly path: string;
  /** Objects passed as arguments (getBoundingRect's other range): instantiated and disposed with this one. */
  readonly argumentObjects: readonly FakeClientObject[];
  private readonly loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly parent: FakeClientObject | null,
    kind: PathKind,
    name: string,
    args?: unknown[],
    options: { readonly argumentObjects?: FakeClientObject[]; readonly disposable?: boolean } = {},
  ) {
    this.argumentObjects = options.argumentObjects ?? [];
    // One entry per argument, as Office.js writes them: the path id of an object argument, 0 for any other.
    const objectIds = this.argumentObjects.map((o) => o.pathInfo.Id);
    const referenced =
      objectIds.length > 0
        ? (args ?? []).map((a) => (objectIds.indexOf(a as number) >= 0 ? (a as number) : 0))
        : [];
    const argumentInfo = {
      Arguments: args ?? [],
      ...(referenced.length > 0 ? { ReferencedObjectPathIds: referenced } : {}),
    };
    this.pathInfo = {
      Id: ctx.nextId(),
      ObjectPathType: PATH_TYPE[kind],
      Name: kind === "root" || kind === "indexer" ? "" : name,
      ...(parent ? { ParentObjectPathId: parent.pathInfo.Id } : {}),
      ...(kind === "method" || kind === "indexer" ? { ArgumentInfo: argumentInfo } : {}),
      ...(options.disposable ? { D: true as const } : {}),
    };
    const shown = kind === "indexer" ? `[${JSON.stringify(args?.[0])}]` : `.${name}`;
    const call = kind === "method" ? `(${(args ?? []).map((a) => JSON.stringify(a)).join(",")})` : "";
    this.path = `${parent ? parent.path : "workbook"}${kind === "root" ? "" : shown}${call}`;
  }

  /**
   * An object a method made (worksheets.add) is known by its id once its request has run: Office.js answers the
   * Instantiate with the object's id and from then on addresses it as its collection's item, `Worksheets[id]`
   * (ObjectPath.updateUsingObjectData in excel-web-16.00.js; measured against the real library in
   * test/browser/request-size.test.ts, where a sheet made by add costs its id's 38 characters, not its name, in
   * every later request). The path keeps its number.
   */
  becomeItemOf(collection: FakeClientObject, id: string): void {
    this.pathInfo = {
      Id: this.pathInfo.Id,
      ObjectPathType: PATH_TYPE.indexer,
      Name: "",
      ParentObjectPathId: collection.pathInfo.Id,
      ArgumentInfo: { Arguments: [id] },
    };
  }

  /** Checks, at sync, that the object exists (a missing sheet fails here, as in Excel). */
  resolveTarget(): unknown {
    return undefined;
  }

  load(props?: string | string[]): this {
    const list = splitProperties(props);
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } },
      () => {
        const value: Record<string, unknown> = {};
        for (const p of list) {
          this.loaded.set(p, this.readProperty(p));
          value[pascal(p)] = this.loaded.get(p);
        }
        return value;
      },
      this.loadLevel(list),
    );
    return this;
  }

  /** The ExcelApi version a load of these properties needs. */
  protected loadLevel(_props: string[]): string {
    return "1.1";
  }

  protected abstract readProperty(property: string): unknown;

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  protected set(property: string, value: unknown, run: () => void, minLevel = "1.1"): void {
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.setProperty, Name: pascal(property), ArgumentInfo: { Arguments: [value] } },
      run,
      minLevel,
    );
  }

  protected call(method: string, args: unknown[], run: () => void, minLevel = "1.1"): void {
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.method, Name: pascal(method), ArgumentInfo: { Arguments: args } },
      run,
      minLevel,
    );
  }

  /** A method whose answer Excel sends back: a ClientResult whose value is there after the sync. */
  protected callForResult<T>(
    method: string,
    args: unknown[],
    run: () => T,
    minLevel = "1.1",
  ): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.method, Name: pascal(method), ArgumentInfo: { Arguments: args } },
      () => result.settle(run()),
      minLevel,
      true,
    );
    return result;
  }
}

/** OfficeExtension.ClientResult: reading `value` before the sync fails with ValueNotLoaded, as in Office.js. */
export class FakeClientResult<T> {
  private loaded = false;
  private answer: T | undefined;
  get value(): T {
    if (!this.loaded)
      throw new FakeOfficeError("ValueNotLoaded", "The value of the result object has not been loaded yet.");
    return this.answer as T;
  }
  settle(value: T): T {
    this.answer = value;
    this.loaded = true;
    return value;
  }
}

class FakeWorkbookProxy extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  readonly names: FakeNamedItemCollection;
  private parts: FakeCustomXmlPartCollection | null = null;
  constructor(ctx: FakeRequestContext) {
    super(ctx, null, "root", "");
    this.worksheets = new FakeWorksheetCollection(ctx, this);
    this.tables = new FakeWorkbookTables(ctx, this);
    this.names = new FakeNamedItemCollection(ctx, this);
  }
  /** Workbook.customXmlParts is ExcelApi 1.5: below it every use fails with ApiNotFound. */
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.parts ??= new FakeCustomXmlPartCollection(this.ctx, this);
    return this.parts;
  }
  getSelectedRange(): FakeRange {
    const model = this.ctx.model;
    return new FakeRange(
      this.ctx,
      this,
      "method",
      "GetSelectedRange",
      [],
      () => model.activeSheet,
      () => {
        if (model.objectSelected)
          throw new FakeOfficeError("InvalidSelection", "a chart or shape is selected");
        // Workbook.getSelectedRange: "If there are multiple ranges selected, this method will throw an error";
        // with which code, the model says (multiAreaSelectionError).
        if (model.selection.areas && model.selection.areas.length > 1)
          throw new FakeOfficeError(model.multiAreaSelectionError, "several areas are selected");
        return model.selection.sheetId === model.activeSheetId
          ? model.selection.rect
          : { top: 1, left: 1, bottom: 1, right: 1 };
      },
    );
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `workbook.${property} is not faked`);
  }
}

/** workbook.tables: only `load("items/name")` is faked. */
class FakeWorkbookTables extends FakeClientObject {
  private names: string[] | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeClientObject) {
    super(ctx, parent, "property", "Tables");
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(this, { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } }, () => {
      this.names = this.ctx.model.tables.map((t) => t.name);
      return { _Items: this.names.map((name) => ({ Name: name })) };
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

function refuseIfWorkbookProtected(model: FakeWorkbook): void {
  if (model.workbookProtected)
    throw new FakeOfficeError("AccessDenied", "the workbook's structure is protected");
}

class FakeWorksheetCollection extends FakeClientObject {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeClientObject) {
    super(ctx, parent, "property", "Worksheets");
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(this, { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } }, () => {
      this.loadedItems = this.ctx.model.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.ctx, this, "indexer", "", [sheet.id], () => sheet);
        proxy.fill(list);
        return proxy;
      });
      return {
        _Items: this.loadedItems.map((item) =>
          Object.fromEntries(list.map((p) => [pascal(p), item.peek(p)])),
        ),
      };
    });
    return this;
  }
  protected readProperty(): unknown {
    return null;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this, "method", "GetActiveWorksheet", [], () => {
      if (this.ctx.model.chartSheetActive)
        throw new FakeOfficeError("UnsupportedSheet", "the active sheet is a chart sheet");
      return this.ctx.model.activeSheet;
    });
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this, "indexer", "", [key], () => {
      const sheet = this.ctx.model.sheetById(key) ?? this.ctx.model.sheetByName(key);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet ${key}`);
      return sheet;
    });
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const sheet = new FakeWorksheet(this.ctx, this, "method", "Add", [name], () => {
      if (!created) {
        refuseIfWorkbookProtected(this.ctx.model);
        validateSheetName(this.ctx.model, name);
        created = this.ctx.model.addSheet(name);
      }
      return created;
    });
    sheet.afterCreated = () => {
      if (created) sheet.becomeItemOf(this, created.id);
    };
    this.ctx.instantiateNow(sheet);
    return sheet;
  }
}

class FakeWorksheet extends FakeClientObject {
  private preloaded: Map<string, unknown> | null = null;
  private children: {
    tables?: FakeTableCollection;
    freezePanes?: FakeFreezePanes;
    protection?: FakeWorksheetProtection;
  } = {};
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    kind: PathKind,
    name: string,
    args: unknown[],
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx, parent, kind, name, args);
  }
  // Made when first used, as Office.js makes property objects (and so numbers their paths) on first access.
  get tables(): FakeTableCollection {
    return (this.children.tables ??= new FakeTableCollection(this.ctx, this));
  }
  get freezePanes(): FakeFreezePanes {
    return (this.children.freezePanes ??= new FakeFreezePanes(this.ctx, this));
  }
  get protection(): FakeWorksheetProtection {
    return (this.children.protection ??= new FakeWorksheetProtection(this.ctx, this));
  }
  // Made when first used, as Office.js does: each proxy takes an id, and ids' digits count in a request's size.
  private commentsProxy?: FakeCommentCollection;
  private notesProxy?: FakeCommentCollection;
  private pageLayoutProxy?: FakePageLayout;
  get comments(): FakeCommentCollection {
    return (this.commentsProxy ??= new FakeCommentCollection(this.ctx, this, "comments"));
  }
  get notes(): FakeCommentCollection {
    return (this.notesProxy ??= new FakeCommentCollection(this.ctx, this, "notes"));
  }
  get pageLayout(): FakePageLayout {
    return (this.pageLayoutProxy ??= new FakePageLayout(this.ctx, this));
  }
  override resolveTarget(): unknown {
    return this.resolve();
  }
  /** Loaded values filled in directly (collection loads). */
  fill(props: string[]): void {
    this.preloaded = new Map(props.map((p) => [p, this.readProperty(p)]));
  }
  peek(property: string): unknown {
    return this.preloaded?.get(property);
  }
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
    // ExcelApi 1.1 ("Worksheet.visibility": Visible, Hidden or VeryHidden).
    if (property === "visibility") return sheet.visibility;
    throw new FakeOfficeError("InvalidArgument", `worksheet.${property} is not faked`);
  }
  get visibility(): string {
    return this.get<string>("visibility");
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, "method", "GetRange", [address], this.resolve, () =>
      parseRect(address),
    );
  }
  getRanges(address: string): FakeRangeAreas {
    // Stricter than the reference's "under 8,192 characters": Excel has refused about 8,200 characters and 513
    // areas (office-js #5198, #4263), so the fake refuses past 2,000 characters or 200 areas, well inside both.
    if (address.length > 2000)
      throw new FakeOfficeError("InvalidArgument", `getRanges address of ${address.length} characters`);
    if (address.split(",").length > 200)
      throw new FakeOfficeError("InvalidArgument", `getRanges address of ${address.split(",").length} areas`);
    return new FakeRangeAreas(this.ctx, this, address, this.resolve, () => address.split(",").map(parseRect));
  }
  /** valuesOnly (ExcelApi 1.2): the block of cells with values, ignoring cells that only carry formatting. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(
      this.ctx,
      this,
      "method",
      "GetUsedRange",
      [valuesOnly ?? null],
      this.resolve,
      () => this.resolve().usedRect(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 },
    );
    if (valuesOnly !== undefined) range.minLevel = "1.2";
    return range;
  }
  activate(): void {
    this.call("activate", [], () => {
      this.ctx.model.activeSheetId = this.resolve().id;
    });
  }
  delete(): void {
    this.call("delete", [], () => {
      const model = this.ctx.model;
      refuseIfWorkbookProtected(model);
      const sheet = this.resolve();
      if (model.sheets.length === 1)
        throw new FakeOfficeError("InvalidOperation", "cannot delete the last sheet");
      const index = model.sheets.indexOf(sheet);
      model.sheets.splice(index, 1);
      model.tables = model.tables.filter((t) => t.sheetId !== sheet.id);
      model.forgetSheetInNames(sheet);
      if (model.activeSheetId === sheet.id) model.activeSheetId = model.sheets[Math.max(0, index - 1)]!.id;
      if (model.selection.sheetId === sheet.id)
        model.selection = { sheetId: model.activeSheetId, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
}

/** worksheet.protection (ExcelApi 1.2): only `protected` is faked. */
class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, worksheet, "property", "Protection");
  }
  protected override loadLevel(): string {
    return "1.2";
  }
  protected readProperty(property: string): unknown {
    if (property === "protected") return this.worksheet.resolve().isProtected;
    throw new FakeOfficeError("InvalidArgument", `protection.${property} is not faked`);
  }
  get protected(): boolean {
    return this.get("protected");
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

function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
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

function refuseIfProtected(sheet: FakeSheet): void {
  if (sheet.isProtected) throw new FakeOfficeError("AccessDenied", `the sheet ${sheet.name} is protected`);
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
  private formatPart: FakeRangeFormat | null = null;
  /** The ExcelApi version that creating this range needs (getUsedRange(valuesOnly) is 1.2). */
  minLevel = "1.1";
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    kind: PathKind,
    name: string,
    args: unknown[],
    private readonly sheet: () => FakeSheet,
    private readonly rect: () => Rect,
    options: { readonly argumentObjects?: FakeClientObject[]; readonly disposable?: boolean } = {},
  ) {
    super(ctx, parent, kind, name, args, options);
  }

  /** Made on first use, as Office.js makes (and numbers) a property object when it is first reached. */
  get format(): FakeRangeFormat {
    return (this.formatPart ??= new FakeRangeFormat(this.ctx, this, this.sheet, () => [this.rect()]));
  }

  /** Range.conditionalFormats (ExcelApi 1.6): the conditional formats that intersect the range; getCount only. */
  get conditionalFormats(): { getCount(): FakeClientResult<number> } {
    return new FakeConditionalFormats(this.ctx, this, () => {
      const r = this.rect();
      return this.sheet().conditionalFormats.filter(
        (c) => c.top <= r.bottom && r.top <= c.bottom && c.left <= r.right && r.left <= c.right,
      ).length;
    });
  }

  /** The cells this range stands for, resolved at sync (names.add takes a range as its reference). */
  cells(): { sheet: FakeSheet; rect: Rect } {
    return { sheet: this.sheet(), rect: this.rect() };
  }

  /** Row `index` of the range, as Office.js's chunked writes take it. */
  getRow(index: number): FakeRange {
    const rect = this.rect;
    return new FakeRange(
      this.ctx,
      this,
      "method",
      "GetRow",
      [index],
      this.sheet,
      () => ({ ...rect(), top: rect().top + index, bottom: rect().top + index }),
      { disposable: true },
    );
  }

  /** The smallest range holding this one and `other`. */
  getBoundingRect(other: FakeRange): FakeRange {
    const a = this.rect;
    const b = other.rect;
    return new FakeRange(
      this.ctx,
      this,
      "method",
      "GetBoundingRect",
      [other.pathInfo.Id],
      this.sheet,
      () => ({
        top: Math.min(a().top, b().top),
        left: Math.min(a().left, b().left),
        bottom: Math.max(a().bottom, b().bottom),
        right: Math.max(a().right, b().right),
      }),
      { argumentObjects: [other], disposable: true },
    );
  }

  /** Office.js checks the array's shape on the server before a chunked write. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.call("_ValidateArraySize", [rows, columns], () => {
      const rect = this.rect();
      if (rect.bottom - rect.top + 1 !== rows || rect.right - rect.left + 1 !== columns)
        throw new FakeOfficeError("InvalidArgument", `array of ${rows}×${columns} for ${this.path}`);
    });
  }

  /**
   * values and numberFormat as Office.js sends them: over 1,500 cells (at ExcelApi 1.3 and up) it validates the
   * size, then writes blocks of about 1,500 cells, each through getRow(first).getBoundingRect(getRow(last))
   * (setRangePropertiesInBulk in excel-web-16.00.debug.js).
   */
  private setInBulk(value: unknown[][], write: (range: FakeRange, v: unknown[][]) => void): void {
    const rows = value.length;
    const columns = Array.isArray(value[0]) ? value[0].length : 0;
    if (rows * columns <= 1500 || !this.ctx.model.supports("1.3")) return write(this, value);
    this._ValidateArraySize(rows, columns);
    const step = Math.max(1, Math.round(1500 / columns));
    for (let start = 0; start < rows; start += step) {
      const count = Math.min(step, rows - start);
      const block = this.getRow(start).getBoundingRect(this.getRow(start + count - 1));
      write(block, value.slice(start, start + count));
    }
  }
  override resolveTarget(): unknown {
    if (!this.ctx.model.supports(this.minLevel))
      throw new FakeOfficeError("ApiNotFound", `needs ExcelApi ${this.minLevel}: ${this.path}`);
    return this.rect();
  }
  protected readProperty(property: string): unknown {
    const sheet = this.sheet();
    const rect = this.rect();
    switch (property) {
      case "address":
        return this.ctx.model.address(sheet, rect);
      case "values":
        return cellCount(rect) > this.ctx.model.maxCellsPerRead ? null : sheet.valuesOf(rect);
      case "text": {
        // Range.text (ExcelApi 1.1): what each cell shows, the number formatted (excel-paste.ts).
        if (cellCount(rect) > this.ctx.model.maxCellsPerRead) return null;
        const rows: string[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: string[] = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(sheet.textOf(r, c));
          rows.push(row);
        }
        return rows;
      }
      case "numberFormat": {
        if (cellCount(rect) > this.ctx.model.maxCellsPerRead) return null;
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
        return cellCount(rect);
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
  get text(): string[][] {
    return this.get("text");
  }
  set values(value: unknown[][]) {
    this.setInBulk(value, (range, v) => range.writeValues(v));
  }
  private writeValues(value: unknown[][]): void {
    this.set("values", value, () => {
      const rect = this.rect();
      const rows = checkShape(rect, value, "values");
      const sheet = this.sheet();
      refuseIfProtected(sheet);
      forEachCell(rect, (r, c) => storeValue(sheet.touch(r, c), rows[r - rect.top]![c - rect.left]));
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this.setInBulk(value, (range, v) => range.writeNumberFormat(v));
  }
  private writeNumberFormat(value: unknown[][]): void {
    this.set("numberFormat", value, () => {
      const rect = this.rect();
      const rows = checkShape(rect, value, "numberFormat");
      const sheet = this.sheet();
      refuseIfProtected(sheet);
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
        refuseIfProtected(sheet);
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
  private formatPart: FakeRangeFormat | null = null;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    address: string,
    private readonly sheet: () => FakeSheet,
    private readonly rects: () => Rect[],
  ) {
    super(ctx, parent, "method", "GetRanges", [address]);
  }
  get format(): FakeRangeFormat {
    return (this.formatPart ??= new FakeRangeFormat(this.ctx, this, this.sheet, this.rects, "1.9"));
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `rangeAreas.${property} is not faked`);
  }
}

/** A format child (format, fill, font) over the rectangles of its range or areas. */
abstract class FakeFormatPart extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    name: string,
    protected readonly sheet: () => FakeSheet,
    protected readonly rects: () => Rect[],
    protected readonly minLevel: string,
  ) {
    super(ctx, parent, "property", name);
  }
  /** Visits every cell of the range for a change: refused on a protected sheet. */
  protected eachCell(visit: (cell: FakeCell) => void): void {
    const sheet = this.sheet();
    refuseIfProtected(sheet);
    for (const rect of this.rects()) forEachCell(rect, (r, c) => visit(sheet.touch(r, c)));
  }
  /** One property over every cell: the value when all agree, null when mixed (as Excel reports). */
  protected common(read: (cell: FakeCell | undefined) => unknown): unknown {
    const seen = new Set<string>();
    let value: unknown = null;
    const sheet = this.sheet();
    for (const rect of this.rects())
      forEachCell(rect, (r, c) => {
        value = read(sheet.cell(r, c));
        seen.add(JSON.stringify(value));
      });
    return seen.size === 1 ? value : null;
  }
}

class FakeRangeFormat extends FakeFormatPart {
  private parts: { fill?: FakeRangeFill; font?: FakeRangeFont } = {};
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    sheet: () => FakeSheet,
    rects: () => Rect[],
    minLevel = "1.1",
  ) {
    super(ctx, parent, "Format", sheet, rects, minLevel);
  }
  get fill(): FakeRangeFill {
    return (this.parts.fill ??= new FakeRangeFill(this.ctx, this, this.sheet, this.rects, this.minLevel));
  }
  get font(): FakeRangeFont {
    return (this.parts.font ??= new FakeRangeFont(this.ctx, this, this.sheet, this.rects, this.minLevel));
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `format.${property} is not faked`);
  }
  set columnWidth(points: number) {
    this.set(
      "columnWidth",
      points,
      () => {
        refuseIfProtected(this.sheet());
        for (const rect of this.rects())
          for (let c = rect.left; c <= rect.right; c++) this.sheet().columnWidths.set(c, points);
      },
      "1.2",
    );
  }
  set wrapText(wrap: boolean) {
    this.set("wrapText", wrap, () => this.eachCell((cell) => void (cell.wrap = wrap)), this.minLevel);
  }
  /** RangeFormat.autofitRows (ExcelApi 1.2): Excel fits the rows' heights to their (wrapped) text. */
  autofitRows(): void {
    this.call(
      "autofitRows",
      [],
      () => {
        const sheet = this.sheet();
        refuseIfProtected(sheet);
        for (const rect of this.rects()) sheet.autofitRows.push(rectText(rect));
      },
      "1.2",
    );
  }
}

class FakeRangeFont extends FakeFormatPart {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    sheet: () => FakeSheet,
    rects: () => Rect[],
    minLevel: string,
  ) {
    super(ctx, parent, "Font", sheet, rects, minLevel);
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `font.${property} is not faked`);
  }
  set bold(bold: boolean) {
    this.set("bold", bold, () => this.eachCell((cell) => void (cell.bold = bold)), this.minLevel);
  }
}

/** Excel reports a cell without fill as white with pattern "None" (RangeFill.color: "#FFFFFF" for no fill). */
const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None" };

/** RangeFill properties past the colour are ExcelApi 1.9. */
const FILL_1_9 = new Set(["pattern", "patternColor", "tintAndShade"]);

class FakeRangeFill extends FakeFormatPart {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    sheet: () => FakeSheet,
    rects: () => Rect[],
    minLevel: string,
  ) {
    super(ctx, parent, "Fill", sheet, rects, minLevel);
  }
  protected override loadLevel(props: string[]): string {
    return props.some((p) => FILL_1_9.has(p)) ? "1.9" : this.minLevel;
  }
  protected readProperty(property: string): unknown {
    return this.common((cell) => {
      const fill = cell?.fill ?? NO_FILL;
      switch (property) {
        case "color":
          return fill.color;
        case "pattern":
          return fill.pattern;
        // Excel reports the default pattern colour as "#000000" and no tint as 0.
        case "patternColor":
          return fill.patternColor ?? "#000000";
        case "tintAndShade":
          return fill.tintAndShade ?? 0;
        default:
          throw new FakeOfficeError("InvalidArgument", `fill.${property} is not faked`);
      }
    });
  }
  get color(): string {
    return this.get("color");
  }
  /** A colour fills solid where there was no fill, and keeps a pattern that is there. */
  set color(color: string) {
    this.set(
      "color",
      color,
      () => {
        if (!/^#[0-9A-F]{6}$/i.test(color))
          throw new FakeOfficeError("InvalidArgument", `bad color ${color}`);
        this.eachCell((cell) => {
          const pattern = cell.fill && cell.fill.pattern !== "None" ? cell.fill.pattern : "Solid";
          cell.fill = withoutUndefined({
            ...cell.fill,
            color: color.toUpperCase(),
            pattern,
            tintAndShade: undefined,
          });
        });
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
        this.eachCell((cell) => {
          cell.fill =
            pattern === "None"
              ? undefined
              : withoutUndefined({ ...cell.fill, color: cell.fill?.color ?? "#FFFFFF", pattern });
        }),
      "1.9",
    );
  }
  get patternColor(): string {
    return this.get("patternColor");
  }
  set patternColor(patternColor: string) {
    this.set(
      "patternColor",
      patternColor,
      () =>
        this.eachCell((cell) => {
          if (!cell.fill) throw new FakeOfficeError("InvalidArgument", "patternColor on a cell without fill");
          // "#000000" is what an unset pattern colour reads as: setting it is setting nothing.
          const color = patternColor.toUpperCase();
          cell.fill = withoutUndefined({
            ...cell.fill,
            patternColor: color === "#000000" ? undefined : color,
          });
        }),
      "1.9",
    );
  }
  get tintAndShade(): number {
    return this.get("tintAndShade");
  }
  set tintAndShade(tint: number) {
    this.set(
      "tintAndShade",
      tint,
      () =>
        this.eachCell((cell) => {
          if (!(tint >= -1 && tint <= 1)) throw new FakeOfficeError("InvalidArgument", `bad tint ${tint}`);
          if (!cell.fill) throw new FakeOfficeError("InvalidArgument", "tintAndShade on a cell without fill");
          cell.fill = withoutUndefined({ ...cell.fill, tintAndShade: tint === 0 ? undefined : tint });
        }),
      "1.9",
    );
  }
  clear(): void {
    this.call("clear", [], () => this.eachCell((cell) => delete cell.fill), this.minLevel);
  }
}

function withoutUndefined(fill: Record<string, unknown>): FakeFill {
  return Object.fromEntries(Object.entries(fill).filter(([, v]) => v !== undefined)) as unknown as FakeFill;
}

const TABLE_NAME = /^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/;

class FakeTableCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, worksheet, "property", "Tables");
  }
  private names: string[] | null = null;
  /** worksheet.tables.load("items/name") (ExcelApi 1.1): the sheet's tables. */
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    if (list.some((p) => p !== "name"))
      throw new FakeOfficeError("InvalidArgument", `tables.${list.join(",")} is not faked`);
    this.ctx.enqueue(this, { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } }, () => {
      const sheet = this.worksheet.resolve();
      this.names = this.ctx.model.tables.filter((t) => t.sheetId === sheet.id).map((t) => t.name);
      return { _Items: this.names.map((name) => ({ Name: name })) };
    });
    return this;
  }
  get items(): { name: string }[] {
    if (!this.names) throw propertyNotLoaded("items");
    return this.names.map((name) => ({ name }));
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `tables.${property} is not faked`);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const holder: { table: import("./workbook-model").FakeTable | null } = { table: null };
    const table = new FakeTable(this.ctx, this, [address, hasHeaders], () => {
      if (holder.table) return holder.table;
      const sheet = this.worksheet.resolve();
      refuseIfProtected(sheet);
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
      return holder.table;
    });
    this.ctx.instantiateNow(table);
    return table;
  }
}

class FakeTable extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    args: unknown[],
    private readonly resolve: () => import("./workbook-model").FakeTable,
  ) {
    super(ctx, parent, "method", "Add", args);
  }
  override resolveTarget(): unknown {
    return this.resolve();
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
    super(ctx, worksheet, "property", "FreezePanes");
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `freezePanes.${property} is not faked`);
  }
  freezeRows(count: number): void {
    this.call("freezeRows", [count], () => void (this.worksheet.resolve().frozenRows = count), "1.7");
  }
}

/**
 * Excel's rules for a defined name ("Define and use names in formulas", Microsoft Support): it starts with a
 * letter, an underscore or a backslash; then letters, digits, periods and underscores; no spaces; at most 255
 * characters; not a cell reference such as `Z$100` or `R1C1`; names are not case-sensitive.
 */
function validateDefinedName(model: FakeWorkbook, name: string): void {
  const shaped = /^[A-Za-z_\\\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*$/.test(name) && name.length <= 255;
  const cellLike =
    /^[A-Za-z]{1,3}\$?\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
  if (!shaped || cellLike) throw new FakeOfficeError("InvalidArgument", `invalid name: ${name}`);
  if (model.nameByName(name)) throw new FakeOfficeError("ItemAlreadyExists", `name exists: ${name}`);
}

/** Excel caps a formula at 8,192 characters ("Excel specifications and limits": length of formula contents). */
const MAX_FORMULA_LENGTH = 8192;

/**
 * The areas of a reference formula as names.add takes it: `=Sheet1!$G$20,'My sheet'!$A$1:$B$2`. Only references
 * to sheets of this workbook are faked (a constant or a formula is refused).
 */
function parseReferenceFormula(model: FakeWorkbook, formula: string): FakeNameRef[] {
  if (formula.length > MAX_FORMULA_LENGTH) throw new FakeOfficeError("InvalidArgument", "formula too long");
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const refs: FakeNameRef[] = [];
  // Areas split at commas outside quotes: `'a,b'!$A$1,Sheet2!$B$2` → `'a,b'!$A$1` and `Sheet2!$B$2`.
  for (const area of body.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? []) {
    const bang = area.lastIndexOf("!");
    const sheetText = bang > 0 ? area.slice(0, bang) : "";
    const sheetName = sheetText.startsWith("'") ? sheetText.slice(1, -1).replace(/''/g, "'") : sheetText;
    const sheet = model.sheetByName(sheetName);
    if (!sheet) throw new FakeOfficeError("InvalidArgument", `not a reference to a sheet: ${area}`);
    refs.push({ sheet, rect: parseRect(area.slice(bang + 1).replace(/\$/g, "")) });
  }
  if (refs.length === 0) throw new FakeOfficeError("InvalidArgument", `not a reference: ${formula}`);
  return refs;
}

/**
 * workbook.names. Reading names is ExcelApi 1.1 (items, getItem, name, type, value, visible, getRange); add,
 * getItemOrNullObject, delete and comment are 1.4; formula is 1.7 (Excel.NamedItemCollection and
 * Excel.NamedItem reference pages). Only workbook-level names are faked.
 */
class FakeNamedItemCollection extends FakeClientObject {
  private loadedItems: FakeNamedItem[] | null = null;
  constructor(ctx: FakeRequestContext, parent: FakeClientObject) {
    super(ctx, parent, "property", "Names");
  }
  get items(): FakeNamedItem[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } },
      () => {
        this.loadedItems = this.ctx.model.names.map((name) => {
          const proxy = new FakeNamedItem(this.ctx, this, "indexer", "", [name.name], () => name);
          proxy.fill(list);
          return proxy;
        });
        return {
          _Items: this.loadedItems.map((item) =>
            Object.fromEntries(list.map((p) => [pascal(p), item.peek(p)])),
          ),
        };
      },
      list.includes("formula") ? "1.7" : list.includes("comment") ? "1.4" : "1.1",
    );
    return this;
  }
  protected readProperty(): unknown {
    return null;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this, "indexer", "", [name], () => {
      const found = this.ctx.model.nameByName(name);
      if (!found) throw new FakeOfficeError("ItemNotFound", `no name ${name}`);
      return found;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, this, "method", "GetItemOrNullObject", [name], () => {
      const found = this.ctx.model.nameByName(name);
      if (!found) throw new FakeOfficeError("ItemNotFound", `no name ${name}`);
      return found;
    });
    item.nullable = () => !this.ctx.model.nameByName(name);
    item.minLevel = "1.4";
    return item;
  }
  /** names.add(name, range or "=Sheet1!$A$1,…", comment): ExcelApi 1.4; made by the next sync, used or not. */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: FakeName | null = null;
    const isRange = typeof reference !== "string";
    const item = new FakeNamedItem(
      this.ctx,
      this,
      "method",
      "Add",
      [name, isRange ? reference.pathInfo.Id : reference, comment ?? null],
      () => {
        if (!created) {
          const model = this.ctx.model;
          validateDefinedName(model, name);
          const refs = isRange ? [reference.cells()] : parseReferenceFormula(model, reference);
          created = { name, refs, visible: true, comment: comment ?? "" };
          model.names.push(created);
        }
        return created;
      },
      isRange ? [reference] : [],
    );
    item.minLevel = "1.4";
    this.ctx.instantiateNow(item);
    return item;
  }
}

class FakeNamedItem extends FakeClientObject {
  /** The ExcelApi version that reaching this item needs (getItemOrNullObject and add are 1.4). */
  minLevel = "1.1";
  /** For getItemOrNullObject: whether the name is missing (read at sync). */
  nullable: (() => boolean) | null = null;
  private preloaded: Map<string, unknown> | null = null;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    kind: PathKind,
    name: string,
    args: unknown[],
    private readonly resolve: () => FakeName,
    argumentObjects: FakeClientObject[] = [],
  ) {
    super(ctx, parent, kind, name, args, { argumentObjects });
  }
  override resolveTarget(): unknown {
    if (!this.ctx.model.supports(this.minLevel))
      throw new FakeOfficeError("ApiNotFound", `needs ExcelApi ${this.minLevel}: ${this.path}`);
    return this.nullable?.() ? null : this.resolve();
  }
  fill(props: string[]): void {
    this.preloaded = new Map(props.map((p) => [p, this.readProperty(p)]));
  }
  peek(property: string): unknown {
    return this.preloaded?.get(property);
  }
  protected override get<T>(property: string): T {
    if (this.preloaded?.has(property)) return this.preloaded.get(property) as T;
    return super.get<T>(property);
  }
  protected override loadLevel(props: string[]): string {
    return props.includes("formula") ? "1.7" : props.includes("comment") ? "1.4" : this.minLevel;
  }
  /** Whether the last load found the name missing (getItemOrNullObject); unknown until a load. */
  private foundNull: boolean | null = null;
  /** A missing name read through getItemOrNullObject: every property reads as null, isNullObject as true. */
  get isNullObject(): boolean {
    if (this.foundNull === null) throw propertyNotLoaded("isNullObject");
    return this.foundNull;
  }
  protected readProperty(property: string): unknown {
    this.foundNull = !!this.nullable?.();
    if (this.foundNull) return null;
    const name = this.resolve();
    const model = this.ctx.model;
    const broken = name.refs.some((r) => !r.sheet || !r.rect);
    switch (property) {
      case "name":
        return name.name;
      // NamedItem.type: "Range" for a reference, "Error" once a reference reads #REF!.
      case "type":
        return broken ? "Error" : "Range";
      // NamedItem.value: for a named range, its address as a formula (`=Sheet14!$B$2:$H$12` in the 1.1 docs).
      case "value":
        return broken ? "#REF!" : model.nameFormula(name);
      case "formula":
        return model.nameFormula(name);
      case "visible":
        return name.visible;
      case "comment":
        return name.comment;
      default:
        throw new FakeOfficeError("InvalidArgument", `namedItem.${property} is not faked`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): unknown {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  /** Name.Visible: a hidden name "won't appear in the Define Name dialog box" (Excel VBA reference). */
  set visible(visible: boolean) {
    this.set("visible", visible, () => void (this.resolve().visible = visible));
  }
  set formula(formula: string) {
    this.set(
      "formula",
      formula,
      () => {
        const name = this.resolve();
        name.refs = parseReferenceFormula(this.ctx.model, formula);
      },
      "1.7",
    );
  }
  delete(): void {
    this.call(
      "delete",
      [],
      () => {
        const model = this.ctx.model;
        const name = this.resolve();
        model.names = model.names.filter((n) => n !== name);
      },
      "1.4",
    );
  }
  /** "Throws an error if the named item's type is not a range": #REF! or several areas (a Range is one area). */
  getRange(): FakeRange {
    const target = (): { sheet: FakeSheet; rect: Rect } => {
      const refs = this.resolve().refs;
      const [only] = refs;
      if (refs.length !== 1 || !only?.sheet || !only.rect)
        throw new FakeOfficeError("InvalidArgument", `${this.path} is not a single range`);
      return { sheet: only.sheet, rect: only.rect };
    };
    return new FakeRange(
      this.ctx,
      this,
      "method",
      "GetRange",
      [],
      () => target().sheet,
      () => target().rect,
    );
  }
}

/**
 * A parser to check a part's XML with: the browser's where the fake runs in a page, else (Node) xmldom's, loaded
 * only then: the page's fake must load even where the pane's guard tests an engine without ES5.
 */
function xmlChecker(): DOMParser {
  const Parser = (globalThis as { DOMParser?: new () => DOMParser }).DOMParser;
  if (Parser) return new Parser();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, for Node only (see above)
  const xmldom = require("@xmldom/xmldom") as typeof import("@xmldom/xmldom");
  return new xmldom.DOMParser() as unknown as DOMParser;
}

/** The XML of a custom XML part, checked as Excel does ("Must be a valid XML fragment"), and its namespace. */
function readCustomXml(xml: string): { namespaceUri: string } {
  let doc: Document;
  try {
    // Excel's check, not the add-in's reader (that is src/workbook/run-record.ts, a string scanner).
    doc = xmlChecker().parseFromString(xml, "application/xml");
  } catch (error) {
    throw new FakeOfficeError("InvalidArgument", `not well-formed XML: ${(error as Error).message}`);
  }
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName("parsererror").length > 0)
    throw new FakeOfficeError("InvalidArgument", "not well-formed XML");
  // "CustomXMLPart.namespaceUri is only populated if the top-level custom XML element contains the xmlns
  // attribute" (Persist add-in state and settings).
  return { namespaceUri: root.hasAttribute("xmlns") ? (root.namespaceURI ?? "") : "" };
}

/** Checked at sync: custom XML parts need ExcelApi 1.5 (Excel.CustomXmlPartCollection: "API set: ExcelApi 1.5"). */
function requireCustomXml(model: FakeWorkbook, path: string): void {
  if (!model.supports("1.5")) throw new FakeOfficeError("ApiNotFound", `needs ExcelApi 1.5: ${path}`);
}

let nextPartNumber = 1;

/** A collection of custom XML parts: the workbook's, or those of one namespace (getByNamespace). */
class FakeCustomXmlPartCollection extends FakeClientObject {
  private loadedItems: FakeCustomXmlPart[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    private readonly namespace: string | null = null,
  ) {
    super(
      ctx,
      parent,
      namespace === null ? "property" : "method",
      namespace === null ? "CustomXmlParts" : "GetByNamespace",
      namespace === null ? undefined : [namespace],
    );
  }
  override resolveTarget(): unknown {
    requireCustomXml(this.ctx.model, this.path);
    // getByNamespace("") fails with InvalidArgument (OfficeDev/office-js issue 2580); the reference asks for "a
    // fully qualified schema URI".
    if (this.namespace === "")
      throw new FakeOfficeError("InvalidArgument", "getByNamespace needs a namespace");
    return null;
  }
  private members(): FakeCustomXmlPart[] {
    const parts = this.ctx.model.customXmlParts;
    return this.namespace === null ? parts : parts.filter((p) => p.namespaceUri === this.namespace);
  }
  private proxies: FakeCustomXmlPartProxy[] | null = null;
  get items(): FakeCustomXmlPartProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    this.proxies ??= this.loadedItems.map((part) => {
      const proxy = new FakeCustomXmlPartProxy(this.ctx, this, "indexer", "", [part.id], () => part);
      proxy.fill(part);
      return proxy;
    });
    return this.proxies;
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } },
      () => {
        this.loadedItems = this.members();
        this.proxies = null;
        return {
          _Items: this.loadedItems.map((p) =>
            Object.fromEntries(list.map((key) => [pascal(key), key === "id" ? p.id : p.namespaceUri])),
          ),
        };
      },
      "1.5",
    );
    return this;
  }
  protected readProperty(): unknown {
    return null;
  }
  getCount(): FakeClientResult<number> {
    return this.callForResult("getCount", [], () => this.members().length, "1.5");
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.ctx, this, namespaceUri);
  }
  getItem(id: string): FakeCustomXmlPartProxy {
    return new FakeCustomXmlPartProxy(this.ctx, this, "indexer", "", [id], () => {
      const part = this.members().find((p) => p.id === id);
      if (!part) throw new FakeOfficeError("ItemNotFound", `no custom XML part ${id}`);
      return part;
    });
  }
  /** "If the collection contains exactly one item, this method returns it. Otherwise, this method produces an error." */
  getOnlyItem(): FakeCustomXmlPartProxy {
    return new FakeCustomXmlPartProxy(this.ctx, this, "method", "GetOnlyItem", [], () => {
      const members = this.members();
      if (members.length !== 1)
        throw new FakeOfficeError("InvalidOperation", `${members.length} parts, not exactly one`);
      return members[0]!;
    });
  }
  /** customXmlParts.add(xml): "Must be a valid XML fragment." Added by the next sync, used or not. */
  add(xml: string): FakeCustomXmlPartProxy {
    let created: FakeCustomXmlPart | null = null;
    const part = new FakeCustomXmlPartProxy(this.ctx, this, "method", "Add", [xml], () => {
      if (!created) {
        requireCustomXml(this.ctx.model, this.path);
        const { namespaceUri } = readCustomXml(xml);
        const serial = String(nextPartNumber++).padStart(12, "0");
        created = { id: `{C0570000-0000-4000-8000-${serial}}`, xml, namespaceUri };
        this.ctx.model.customXmlParts.push(created);
      }
      return created;
    });
    this.ctx.instantiateNow(part);
    return part;
  }
}

class FakeCustomXmlPartProxy extends FakeClientObject {
  private preloaded: FakeCustomXmlPart | null = null;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    kind: PathKind,
    name: string,
    args: unknown[],
    private readonly resolve: () => FakeCustomXmlPart,
  ) {
    super(ctx, parent, kind, name, args);
  }
  override resolveTarget(): unknown {
    requireCustomXml(this.ctx.model, this.path);
    return this.resolve();
  }
  fill(part: FakeCustomXmlPart): void {
    this.preloaded = part;
  }
  protected override loadLevel(): string {
    return "1.5";
  }
  protected readProperty(property: string): unknown {
    const part = this.resolve();
    if (property === "id") return part.id;
    if (property === "namespaceUri") return part.namespaceUri;
    throw new FakeOfficeError("InvalidArgument", `customXmlPart.${property} is not faked`);
  }
  get id(): string {
    return this.preloaded ? this.preloaded.id : this.get<string>("id");
  }
  get namespaceUri(): string {
    return this.preloaded ? this.preloaded.namespaceUri : this.get<string>("namespaceUri");
  }
  /**
   * "Gets the custom XML part's full XML content": the content, not the bytes that were added. The fake hands it
   * back behind an XML declaration, so a reader must parse it rather than compare text.
   */
  getXml(): FakeClientResult<string> {
    return this.callForResult(
      "getXml",
      [],
      () => {
        const xml = this.resolve().xml;
        return xml.startsWith("<?xml") ? xml : `<?xml version="1.0" encoding="utf-8"?>\n${xml}`;
      },
      "1.5",
    );
  }
  setXml(xml: string): void {
    this.call(
      "setXml",
      [xml],
      () => {
        readCustomXml(xml);
        this.resolve().xml = xml;
      },
      "1.5",
    );
  }
  delete(): void {
    this.call(
      "delete",
      [],
      () => {
        const model = this.ctx.model;
        const part = this.resolve();
        model.customXmlParts = model.customXmlParts.filter((p) => p !== part);
      },
      "1.5",
    );
  }
}

/**
 * worksheet.comments (ExcelApi 1.10, threaded comments) and worksheet.notes (ExcelApi 1.18, the legacy notes).
 * As strict as Excel:
 * - add takes one cell, by a string that includes the sheet's name ("If it's a string, it must contain the full
 *   address, including the sheet name. An InvalidArgument error is thrown if the provided range is larger than one
 *   cell": CommentCollection.add);
 * - a cell holds one comment or note: adding a comment where there is one fails (OfficeDev/office-js#1416: "If we
 *   try to add a comment to a cell that already has a comment, an error occurs too"), and the fake also refuses a
 *   comment on a cell with a note, as Excel's own UI does;
 * - items can be listed, located (getLocation) and deleted.
 */
class FakeCommentCollection extends FakeClientObject {
  private loadedItems: FakeCommentItem[] | null = null;
  private readonly level: string;
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
    private readonly kind: "comments" | "notes",
  ) {
    super(ctx, worksheet, "property", kind === "comments" ? "Comments" : "Notes");
    this.level = kind === "comments" ? "1.10" : "1.18";
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `${this.kind}.${property} is not faked`);
  }
  get items(): FakeCommentItem[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }
  override load(props?: string | string[]): this {
    const list = splitProperties(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(
      this,
      { ActionType: ACTION_TYPE.query, Name: "", QueryInfo: { Select: list } },
      () => {
        const sheet = this.worksheet.resolve();
        const mine = [...sheet.comments.entries()].filter(
          ([, c]) => (c.note === true) === (this.kind === "notes"),
        );
        this.loadedItems = mine.map(([cell, c]) => {
          const item = new FakeCommentItem(this.ctx, this, this.worksheet, c.id, cell);
          item.preload({ id: c.id, content: c.content, authorName: c.author ?? "" });
          return item;
        });
        return {
          _Items: mine.map(([, c]) =>
            Object.fromEntries(
              list.map((p) => [
                pascal(p),
                p === "id"
                  ? c.id
                  : p === "content"
                    ? c.content
                    : p === "authorName"
                      ? (c.author ?? "")
                      : null,
              ]),
            ),
          ),
        };
      },
      this.level,
    );
    return this;
  }
  /** Instantiated at once, as Office.js does for object-creating methods: the comment exists after the next sync. */
  add(cellAddress: string, content: string): FakeCommentItem {
    const holder: { id: string | null; cell: string } = { id: null, cell: "" };
    const create = (): void => {
      if (holder.id !== null) return;
      if (!this.ctx.model.supports(this.level))
        throw new FakeOfficeError("ApiNotFound", `needs ExcelApi ${this.level}: ${this.path}.Add`);
      const sheet = this.worksheet.resolve();
      const bang = cellAddress.lastIndexOf("!");
      if (bang < 0)
        throw new FakeOfficeError("InvalidArgument", `comment address without sheet: ${cellAddress}`);
      const rect = parseRect(cellAddress.slice(bang + 1));
      if (rect.top !== rect.bottom || rect.left !== rect.right)
        throw new FakeOfficeError("InvalidArgument", `comment on more than one cell: ${cellAddress}`);
      refuseIfProtected(sheet);
      const cell = rectText(rect);
      if (sheet.comments.has(cell))
        throw new FakeOfficeError("InvalidArgument", `${cell} already has a comment or note`);
      holder.id = this.ctx.model.newCommentId();
      holder.cell = cell;
      sheet.comments.set(cell, { id: holder.id, content, ...(this.kind === "notes" ? { note: true } : {}) });
    };
    const item = new FakeCommentItem(
      this.ctx,
      this,
      this.worksheet,
      () => holder.id ?? "",
      () => holder.cell,
      [cellAddress, content],
      create,
    );
    this.ctx.instantiateNow(item);
    return item;
  }
}

class FakeCommentItem extends FakeClientObject {
  private readonly idOf: () => string;
  private readonly cellOf: () => string;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeCommentCollection,
    private readonly worksheet: FakeWorksheet,
    id: string | (() => string),
    cell: string | (() => string),
    addArgs?: unknown[],
    private readonly create?: () => void,
  ) {
    super(
      ctx,
      parent,
      addArgs ? "method" : "indexer",
      addArgs ? "Add" : "",
      addArgs ?? [typeof id === "string" ? id : ""],
    );
    this.idOf = typeof id === "string" ? () => id : id;
    this.cellOf = typeof cell === "string" ? () => cell : cell;
  }
  override resolveTarget(): unknown {
    this.create?.();
    return this.idOf();
  }
  private preloaded: Record<string, unknown> | null = null;
  /** Loaded values filled in directly (collection loads). */
  preload(values: Record<string, unknown>): void {
    this.preloaded = values;
  }
  protected override get<T>(property: string): T {
    if (this.preloaded && property in this.preloaded) return this.preloaded[property] as T;
    return super.get<T>(property);
  }
  protected readProperty(property: string): unknown {
    if (property === "id") return this.idOf();
    if (property === "content") return this.worksheet.resolve().comments.get(this.cellOf())?.content;
    if (property === "authorName") return this.worksheet.resolve().comments.get(this.cellOf())?.author ?? "";
    throw new FakeOfficeError("InvalidArgument", `comment.${property} is not faked`);
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  get authorName(): string {
    return this.get("authorName");
  }
  /** The comment's cell, a range to load the address of. */
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, this, "method", "GetLocation", [], this.worksheet.resolve, () =>
      parseRect(this.cellOf()),
    );
  }
  delete(): void {
    this.call(
      "delete",
      [],
      () => {
        const sheet = this.worksheet.resolve();
        const cell = this.cellOf();
        if (sheet.comments.get(cell)?.id !== this.idOf())
          throw new FakeOfficeError("ItemNotFound", `no comment ${this.idOf()}`);
        refuseIfProtected(sheet);
        sheet.comments.delete(cell);
      },
      "1.10",
    );
  }
}

/** range.conditionalFormats (ExcelApi 1.6): only getCount is faked. */
class FakeConditionalFormats extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    range: FakeClientObject,
    private readonly count: () => number,
  ) {
    super(ctx, range, "property", "ConditionalFormats");
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `conditionalFormats.${property} is not faked`);
  }
  getCount(): FakeClientResult<number> {
    return this.callForResult("getCount", [], () => this.count(), "1.6");
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): print orientation, paper, zoom, print titles, footers. */
class FakePageLayout extends FakeClientObject {
  private headersFootersProxy?: FakeHeaderFooterGroup;
  constructor(
    ctx: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, worksheet, "property", "PageLayout");
  }
  get headersFooters(): FakeHeaderFooterGroup {
    return (this.headersFootersProxy ??= new FakeHeaderFooterGroup(this.ctx, this, this.worksheet));
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `pageLayout.${property} is not faked`);
  }
  private setLayout(property: keyof FakePageLayoutModel, value: unknown, check?: () => void): void {
    this.set(
      property,
      value,
      () => {
        check?.();
        const refusal = this.ctx.model.printSetupRefusal;
        if (refusal) throw new FakeOfficeError(refusal, `page setup refused: ${property}`);
        (this.worksheet.resolve().pageLayout as Record<string, unknown>)[property] = value;
      },
      "1.9",
    );
  }
  set orientation(value: string) {
    this.setLayout("orientation", value, () => {
      if (value !== "Portrait" && value !== "Landscape")
        throw new FakeOfficeError("InvalidArgument", `orientation ${value}`);
    });
  }
  set paperSize(value: string) {
    this.setLayout("paperSize", value);
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.setLayout("zoom", value, () => {
      if (value.scale !== undefined && (value.scale < 10 || value.scale > 400))
        throw new FakeOfficeError("InvalidArgument", `scale ${value.scale}`);
    });
  }
  setPrintTitleRows(rows: string): void {
    this.call(
      "setPrintTitleRows",
      [rows],
      () => {
        if (!/^\$?\d+:\$?\d+$/.test(rows))
          throw new FakeOfficeError("InvalidArgument", `print title rows ${rows}`);
        this.worksheet.resolve().pageLayout.printTitleRows = rows;
      },
      "1.9",
    );
  }
}

type FakePageLayoutModel = import("./workbook-model").FakePageLayout;

class FakeHeaderFooterGroup extends FakeClientObject {
  private defaultProxy?: FakeHeaderFooter;
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, parent, "property", "HeadersFooters");
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return (this.defaultProxy ??= new FakeHeaderFooter(this.ctx, this, this.worksheet));
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `headersFooters.${property} is not faked`);
  }
}

class FakeHeaderFooter extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    parent: FakeClientObject,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, parent, "property", "DefaultForAllPages");
  }
  protected readProperty(property: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `headerFooter.${property} is not faked`);
  }
  private setFooter(property: "leftFooter" | "centerFooter" | "rightFooter", value: string): void {
    this.set(property, value, () => void (this.worksheet.resolve().pageLayout[property] = value), "1.9");
  }
  set leftFooter(value: string) {
    this.setFooter("leftFooter", value);
  }
  set centerFooter(value: string) {
    this.setFooter("centerFooter", value);
  }
  set rightFooter(value: string) {
    this.setFooter("rightFooter", value);
  }
}

type AsyncCallback = (result: { status: string; error?: unknown; value?: undefined }) => void;

/**
 * Office.context.document.settings in one runtime. Without a shared runtime, the task pane and the function file
 * each hold their own in-memory copy, read when the runtime started; saveAsync writes the whole copy into the
 * document, over whatever another runtime saved; refreshAsync reads the document's copy again ("Persist add-in
 * state and settings": the settings are a property bag loaded once per session and saved whole; Settings.
 * refreshAsync: "Reads all settings persisted in the document and refreshes the content add-in's copy").
 */
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
  saveAsync(callback?: AsyncCallback): void {
    this.model.savedSettings = JSON.stringify(this.live);
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }
  refreshAsync(callback?: (result: { status: string; value: FakeSettings }) => void): void {
    setTimeout(() => {
      this.live = JSON.parse(this.model.savedSettings) as Record<string, unknown>;
      callback?.({ status: "succeeded", value: this });
    }, 0);
  }
}

/** The globals `Office` and `Excel` as one runtime of the add-in sees them, over one fake workbook. */
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
          name === "ExcelApi"
            ? model.supports(version ?? "1.1")
            : name === "DialogApi"
              ? model.dialogApi
              : false,
      },
      document: { settings },
      ui: {
        displayDialogAsync(url: string, options: unknown, callback: (result: unknown) => void): void {
          // Office.context.ui.displayDialogAsync: the answer comes asynchronously, a failure as an AsyncResult.
          setTimeout(() => {
            if (model.dialogFailure !== null)
              return callback({ status: "failed", error: { code: model.dialogFailure } });
            const dialog = new FakeDialog(url, options);
            model.dialogs.push(dialog);
            callback({ status: "succeeded", value: dialog });
          }, 0);
        },
        messageParent: (message: string) => void model.parentMessages.push(message),
      },
    },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
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
    async run<T>(
      first: { delayForCellEdit?: boolean } | ((context: FakeRequestContext) => Promise<T>),
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      // Excel.run(batch) or Excel.run(options, batch) (Excel.RunOptions).
      const batch = typeof first === "function" ? first : second!;
      const context = new FakeRequestContext(model);
      context.delayForCellEdit = typeof first === "object" && first.delayForCellEdit === true;
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
