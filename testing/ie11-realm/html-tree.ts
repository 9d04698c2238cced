/**
 * The element tree of a built page (taskpane.html, dialog.html, commands.html, index.html) as plain data, for the
 * IE11 realm's page (ie11-page.js) to build its DOM from. Enough HTML for pages html-webpack-plugin writes from
 * our templates: elements, attributes, text; comments and the doctype dropped.
 */
export interface HtmlElementSpec {
  readonly tag: string;
  readonly attributes: Record<string, string>;
  readonly children: (HtmlElementSpec | string)[];
}

const VOID = new Set(["meta", "link", "input", "br", "img", "hr", "source", "area", "base", "col", "wbr"]);

/**
 * One token: a comment, the doctype, an end tag, a start tag with its attributes, or text.
 * Examples: `<!-- x -->`, `<!doctype html>`, `</p>`, `<input id="tolerance" type=text hidden />`, `规范化指标`.
 */
const TOKEN =
  /<!--[\s\S]*?-->|<![^>]*>|<\/([a-zA-Z0-9]+)\s*>|<([a-zA-Z0-9]+)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+/g;

/** One attribute: `id="run"`, `type=text`, `hidden`. */
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function htmlTree(html: string): HtmlElementSpec {
  const root: HtmlElementSpec = { tag: "html", attributes: {}, children: [] };
  const stack: HtmlElementSpec[] = [];
  let current: HtmlElementSpec | null = null;
  for (const match of html.matchAll(TOKEN)) {
    const [token, endTag, startTag, attributeText] = match;
    if (token.startsWith("<!")) continue;
    if (endTag) {
      const tag = endTag.toLowerCase();
      while (current && current.tag !== tag) current = stack.pop() ?? null;
      current = stack.pop() ?? null;
      continue;
    }
    if (startTag) {
      const tag = startTag.toLowerCase();
      const attributes: Record<string, string> = {};
      for (const a of (attributeText ?? "").matchAll(ATTRIBUTE))
        attributes[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? "";
      if (tag === "html") {
        Object.assign(root.attributes, attributes);
        current = root;
        continue;
      }
      const element: HtmlElementSpec = { tag, attributes, children: [] };
      (current ?? root).children.push(element);
      if (!VOID.has(tag)) {
        if (current) stack.push(current);
        current = element;
      }
      continue;
    }
    // Whitespace between tags is kept only inside text-bearing elements' text.
    if (current && token.trim() !== "") current.children.push(decodeEntities(token));
  }
  return root;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
