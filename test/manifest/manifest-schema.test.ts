/**
 * manifest.xml against Microsoft's own XML schemas (OfficeAppManifestV1_1, TaskPaneAppVersionOverridesV1_0,
 * OfficeAppBasicTypesV1_0; source and commits in test/manifest/schemas/README.md), with xmllint compiled to
 * WebAssembly: no native build, no network. The manifest the build writes (every URL on ADDIN_BASE_URL) is
 * validated too, and a broken manifest is shown to fail.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { validateXML } from "xmllint-wasm";

const ROOT = join(__dirname, "..", "..");
const SCHEMAS = join(__dirname, "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

async function schemaErrors(xml: string): Promise<string[]> {
  const file = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMAS, fileName), "utf8") });
  const imported = readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA);
  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: file(MAIN_SCHEMA),
    preload: imported.map(file),
  });
  return result.errors.map((e) => e.message);
}

test("manifest.xml is valid against Microsoft's schemas", async () => {
  expect(await schemaErrors(manifest)).toEqual([]);
});

test("so is the manifest a build writes for an intranet address", async () => {
  const built = manifest.split("https://localhost:3000").join("https://addins.example.gov.cn/indicators");
  expect(await schemaErrors(built)).toEqual([]);
});

test.each([
  [
    "a version that is not dotted numbers",
    (m: string) => m.replace("<Version>1.0.0.0</Version>", "<Version>1.0-beta</Version>"),
  ],
  [
    "children out of schema order",
    (m: string) =>
      m
        .replace(/(<Permissions>[^<]*<\/Permissions>)([\s\S]*?)(<\/OfficeApp>)/, "$2$1$3")
        .replace(
          /(<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>)/,
          "<Permissions>ReadWriteDocument</Permissions>$1",
        ),
  ],
  [
    "an unknown element in VersionOverrides",
    (m: string) => m.replace("<FunctionName>", "<Macro/><FunctionName>"),
  ],
  [
    "a resid longer than 32 characters",
    (m: string) => m.replace(/"Commands\.Url"/g, '"Commands.Url.AndMuchLongerThanThirtyTwo"'),
  ],
])("a manifest with %s is refused", async (_, breakIt) => {
  const broken = breakIt(manifest);
  expect(broken).not.toBe(manifest);
  expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
});
