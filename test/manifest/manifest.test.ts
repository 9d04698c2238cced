/**
 * manifest.xml checked offline against the rules Office applies when it loads an add-in (the online
 * `npm run validate` checks the same and more).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { descendants, readXml, type XmlElement } from "./read-xml";

const ROOT = join(__dirname, "..", "..");
const manifestText = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const manifest = readXml(manifestText);
const all = descendants(manifest);

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

test("OfficeApp is a TaskPaneApp for Excel (element order: manifest-schema.test.ts)", () => {
  expect(manifest.name).toBe("OfficeApp");
  expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
  expect(child(child(manifest, "Hosts"), "Host").attributes.Name).toBe("Workbook");
  expect(["en-US", "zh-CN"]).toContain(child(manifest, "DefaultLocale").text);
});

test("no AppDomain repeats the start page's own host, and none carries a path", () => {
  const start = new URL(child(child(manifest, "DefaultSettings"), "SourceLocation").attributes.DefaultValue!);
  const domains = all.filter((e) => e.name === "AppDomain").map((e) => new URL(e.text));
  for (const domain of domains) {
    expect(domain.origin).not.toBe(start.origin);
    expect(domain.pathname).toBe("/");
  }
});

test("SupportUrl is the help page the build emits, not the pane", () => {
  const support = child(manifest, "SupportUrl");
  for (const url of [support.attributes.DefaultValue!, ...support.children.map((o) => o.attributes.Value!)])
    expect(url).toBe("https://localhost:3000/help.html");
  expect(readFileSync(join(ROOT, "src", "taskpane", "help.html"), "utf8")).toContain("绩效指标规范化：帮助");
});

test("the Id is a GUID", () => {
  expect(child(manifest, "Id").text).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  );
});

test("the lowest requirement set is declared: ExcelApi 1.1", () => {
  const sets = all.filter((e) => e.name === "Set");
  expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([["ExcelApi", "1.1"]]);
});

test("every URL is HTTPS", () => {
  // Namespace declarations (xmlns="http://schemas…") are names, not addresses.
  const urls = [manifest, ...all].flatMap((e) => [
    ...Object.entries(e.attributes)
      .filter(([k, v]) => !k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v),
    ...(/^[a-z]+:\/\//i.test(e.text) ? [e.text] : []),
  ]);
  expect(urls.length).toBeGreaterThan(10);
  for (const url of urls) expect(url).toMatch(/^https:\/\//);
});

const resources = child(child(manifest, "VersionOverrides"), "Resources");
function resourceIds(kind: string): Map<string, XmlElement> {
  return new Map(child(resources, kind).children.map((e) => [e.attributes.id!, e]));
}
const images = resourceIds("bt:Images");
const urls = resourceIds("bt:Urls");
const shortStrings = resourceIds("bt:ShortStrings");
const longStrings = resourceIds("bt:LongStrings");

test("every resid resolves to a resource of the right kind, and ids are at most 32 characters", () => {
  const kindOf = (element: XmlElement, parent: XmlElement | undefined): Map<string, XmlElement> => {
    if (element.name === "bt:Image") return images;
    if (["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(element.name)) return urls;
    if (element.name === "Description") return longStrings;
    if (element.name === "Title" || element.name === "Label") return shortStrings;
    throw new Error(`unexpected resid on <${element.name}> in <${parent?.name}>`);
  };
  const withResid = all.filter((e) => e.attributes.resid !== undefined);
  expect(withResid.length).toBeGreaterThan(10);
  for (const element of withResid) {
    const id = element.attributes.resid!;
    expect(id.length).toBeLessThanOrEqual(32);
    expect({ id, found: kindOf(element, undefined).has(id) }).toEqual({ id, found: true });
  }
  for (const map of [images, urls, shortStrings, longStrings])
    for (const id of map.keys()) expect(id.length).toBeLessThanOrEqual(32);
});

test("strings fit Office's limits (short 125, long 250) and every string has a zh-CN override", () => {
  const limited: [XmlElement, number][] = [
    ...[...shortStrings.values()].map((e): [XmlElement, number] => [e, 125]),
    ...[...longStrings.values()].map((e): [XmlElement, number] => [e, 250]),
    [child(manifest, "DisplayName"), 125],
    [child(manifest, "Description"), 250],
  ];
  for (const [element, max] of limited) {
    const overrides = element.children.filter((c) => /(^|:)Override$/.test(c.name));
    const values = [element.attributes.DefaultValue!, ...overrides.map((o) => o.attributes.Value!)];
    for (const value of values) expect(value.length).toBeLessThanOrEqual(max);
    const zh = overrides.find((o) => o.attributes.Locale === "zh-CN");
    expect({ id: element.attributes.id ?? element.name, zh: Boolean(zh) }).toEqual({
      id: element.attributes.id ?? element.name,
      zh: true,
    });
  }
  // Every element with a DefaultValue (URLs and icons included) is overridden for zh-CN.
  for (const element of all.filter((e) => e.attributes.DefaultValue !== undefined)) {
    const locales = element.children.map((c) => c.attributes.Locale);
    expect({ element: element.attributes.id ?? element.name, locales }).toEqual({
      element: element.attributes.id ?? element.name,
      locales: expect.arrayContaining(["zh-CN"]),
    });
  }
});

test("the Home tab has 规范化指标 (ExecuteFunction) and 打开面板 (ShowTaskpane)", () => {
  const tab = all.find((e) => e.name === "OfficeTab")!;
  expect(tab.attributes.id).toBe("TabHome");
  const controls = descendants(tab).filter((e) => e.name === "Control");
  const actions = controls.map((c) => child(c, "Action").attributes["xsi:type"]);
  expect(actions).toEqual(["ExecuteFunction", "ShowTaskpane"]);
  const label = (c: XmlElement): string | undefined =>
    shortStrings
      .get(child(c, "Label").attributes.resid!)!
      .children.find((o) => o.attributes.Locale === "zh-CN")?.attributes.Value;
  expect(controls.map(label)).toEqual(["规范化指标", "打开面板"]);
  const ids = all.filter((e) => e.attributes.id !== undefined).map((e) => e.attributes.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test("FunctionName is the name src/commands passes to Office.actions.associate", () => {
  const functionName = all.find((e) => e.name === "FunctionName")!.text;
  const commands = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");
  // `Office.actions.associate("normalizeIndicators", normalizeIndicators)`
  const associated = [...commands.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1]);
  expect(associated).toEqual([functionName]);
});

test("every icon the manifest names exists in assets/ at its stated size", () => {
  const iconUrls = [
    ...[...images.values()].map((e) => e.attributes.DefaultValue!),
    child(manifest, "IconUrl").attributes.DefaultValue!,
    child(manifest, "HighResolutionIconUrl").attributes.DefaultValue!,
  ];
  for (const url of iconUrls) {
    const match = /\/assets\/icon-(\d+)\.png$/.exec(url);
    expect(match).not.toBeNull();
    const png = readFileSync(join(ROOT, "assets", `icon-${match![1]}.png`));
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(match![1]), Number(match![1])]);
  }
});
