/**
 * Answers the requests of the real Office.js library from a FakeWorkbook, so the add-in's own code can run on
 * @microsoft/office-js in Chromium with nothing sent anywhere: Office.js serializes each request exactly as it
 * would for Excel (RichApi's JSON: ObjectPaths and Actions), the responder replays the actions on the fake host's
 * proxies and returns what Excel would (PascalCase values, the ids of new sheets). This is how the request sizes
 * behind RequestBudget are measured (testing/real-office-js.ts, npm run bench:excel).
 */
import { FakeClientObject, FakeClientResult, FakeOfficeError, FakeRequestContext } from "./fake-office-js";
import type { FakeWorkbook } from "./workbook-model";

interface RichApiPath {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments?: unknown[]; readonly ReferencedObjectPathIds?: number[] };
}

interface RichApiAction {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly QueryInfo?: { readonly Select?: string[] };
  readonly ArgumentInfo?: { readonly Arguments?: unknown[] };
}

export interface RichApiRequest {
  readonly Actions: readonly RichApiAction[];
  readonly ObjectPaths: Readonly<Record<string, RichApiPath>>;
}

export type RichApiResponse =
  | { readonly Results: { ActionId: number; Value: unknown }[] }
  | { readonly Error: { Code: string; Message: string; HttpStatusCode: number } };

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

type Proxy = FakeClientObject & Record<string, unknown>;

function method(proxy: Proxy, name: string): (...args: unknown[]) => unknown {
  const found = proxy[camel(name)];
  if (typeof found !== "function")
    throw new FakeOfficeError("NotImplemented", `${proxy.path}.${name}() is not faked`);
  return found as (...args: unknown[]) => unknown;
}

export async function answerRichApiRequest(
  model: FakeWorkbook,
  request: RichApiRequest,
): Promise<RichApiResponse> {
  const context = new FakeRequestContext(model);
  const proxies = new Map<number, Proxy>();

  const resolve = (id: number): Proxy => {
    const known = proxies.get(id);
    if (known) return known;
    const path = request.ObjectPaths[String(id)];
    if (!path) throw new FakeOfficeError("InvalidObjectPath", `no object path ${id}`);
    const args = path.ArgumentInfo?.Arguments ?? [];
    let proxy: Proxy;
    if (path.ObjectPathType === 1) proxy = context.workbook as unknown as Proxy;
    else {
      const parent = resolve(path.ParentObjectPathId!);
      if (path.ObjectPathType === 4) proxy = parent[camel(path.Name)] as Proxy;
      else if (path.ObjectPathType === 5) proxy = (parent.getItem as (key: unknown) => Proxy)(args[0]);
      else if (path.ObjectPathType === 3) {
        // getUsedRange(valuesOnly) travels as [null] when the argument is left out; an object argument
        // (getBoundingRect's other range) as its path id, listed in ReferencedObjectPathIds.
        const referenced = new Set(path.ArgumentInfo?.ReferencedObjectPathIds ?? []);
        const call = args.map((a) =>
          a === null ? undefined : typeof a === "number" && referenced.has(a) ? resolve(a) : a,
        );
        proxy = method(parent, path.Name).apply(parent, call) as Proxy;
      } else throw new FakeOfficeError("NotImplemented", `object path type ${path.ObjectPathType}`);
    }
    if (!proxy) throw new FakeOfficeError("NotImplemented", `${path.Name} is not faked`);
    proxies.set(id, proxy);
    return proxy;
  };

  const queries: { actionId: number; fakeId: number }[] = [];
  const instantiated: { actionId: number; proxy: Proxy; path: RichApiPath }[] = [];
  try {
    for (const action of request.Actions) {
      const proxy = resolve(action.ObjectPathId);
      const args = action.ArgumentInfo?.Arguments ?? [];
      switch (action.ActionType) {
        case 1:
          instantiated.push({
            actionId: action.Id,
            proxy,
            path: request.ObjectPaths[String(action.ObjectPathId)]!,
          });
          break;
        case 2:
          (proxy.load as (p: string[]) => void).call(proxy, action.QueryInfo?.Select ?? []);
          queries.push({ actionId: action.Id, fakeId: context.lastActionId });
          break;
        case 3:
          // A method with an answer (getXml, getCount) travels back like a query's.
          if (method(proxy, action.Name).apply(proxy, args) instanceof FakeClientResult)
            queries.push({ actionId: action.Id, fakeId: context.lastActionId });
          break;
        case 4:
          proxy[camel(action.Name)] = args[0];
          break;
        default:
          throw new FakeOfficeError("NotImplemented", `action type ${action.ActionType}`);
      }
    }
    await context.sync();
  } catch (error) {
    const code = (error as { code?: string }).code ?? "GeneralException";
    return { Error: { Code: code, Message: String((error as Error).message), HttpStatusCode: 400 } };
  }
  const results = queries.map((q) => ({ ActionId: q.actionId, Value: context.lastResults.get(q.fakeId) }));
  // A sheet made by worksheets.add() is named by its id in later requests: Office.js learns it from here.
  for (const { actionId, proxy, path } of instantiated) {
    if (path.ObjectPathType !== 3 || path.Name !== "Add" || typeof proxy.resolve !== "function") continue;
    const sheet = (proxy.resolve as () => { id?: unknown })();
    if (typeof sheet.id === "string") results.push({ ActionId: actionId, Value: { Id: sheet.id } });
  }
  return { Results: results };
}
