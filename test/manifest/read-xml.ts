/**
 * A small XML reader for the manifest test: elements, attributes, text; comments, the declaration and CDATA-free
 * content only (all a manifest uses). Keeps child order, which the schema checks need.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e.startsWith("#x") || e.startsWith("#X")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? "";
  });
}

export function readXml(source: string): XmlElement {
  const withoutNoise = source.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  // Tags: `<Name a="1">`, `</Name>`, `<Name a="1"/>`.
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(withoutNoise); match; match = tag.exec(withoutNoise)) {
    const top = stack[stack.length - 1]!;
    top.text += decode(withoutNoise.slice(last, match.index)).trim();
    last = tag.lastIndex;
    const [, closing, name, attrText, selfClosing] = match;
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    // Attributes: `DefaultValue="x"`, `xsi:type="Button"`.
    for (const a of attrText!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[a[1]!] = decode(a[2]!);
    const element: XmlElement = { name: name!, attributes, children: [], text: "" };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const [documentElement] = root.children;
  if (!documentElement || root.children.length !== 1) throw new Error("one root element expected");
  return documentElement;
}

/** Every element below `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}
