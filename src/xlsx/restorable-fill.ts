/**
 * A previous fill taken from a run record before it goes into styles.xml. The record is a part anyone can write
 * (a forged workbook, another program), and its text was spliced raw into the styles part: `</fill></fills>…`
 * could end the section and inject any XML. So the fill is rebuilt from what it says, element by element and
 * attribute by attribute, from ECMA-376's fill vocabulary (Part 1, §18.8.20–18.8.24, §18.8.38): an element
 * outside it, text, or an attribute value of the wrong kind makes the fill unreadable. Attributes outside the
 * vocabulary (a namespace declaration on `<x:fill>`) are left out.
 */
import { attribute, scanXml } from "../workbook/xml-scanner";

/** The elements a fill may hold, by parent (the root is `fill`). */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  "": ["fill"],
  fill: ["patternFill", "gradientFill"],
  patternFill: ["fgColor", "bgColor"],
  gradientFill: ["stop"],
  stop: ["color"],
  fgColor: [],
  bgColor: [],
  color: [],
};

// Examples: `0.79998`, `-0.25`, `1E-3`, `90`.
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
// Examples: `4`, `64`.
const UNSIGNED = /^\d{1,9}$/;
// Examples: `FFFFC7CE` (ARGB), `00B050` (RGB, as some writers give it).
const HEX_COLOR = /^(?:[0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$/;
const PATTERN_TYPE =
  /^(?:none|solid|mediumGray|darkGray|lightGray|darkHorizontal|darkVertical|darkDown|darkUp|darkGrid|darkTrellis|lightHorizontal|lightVertical|lightDown|lightUp|lightGrid|lightTrellis|gray125|gray0625)$/;
const BOOLEAN = /^(?:true|false|1|0)$/;
const GRADIENT_TYPE = /^(?:linear|path)$/;

const COLOR_ATTRIBUTES = { auto: BOOLEAN, indexed: UNSIGNED, rgb: HEX_COLOR, theme: UNSIGNED, tint: DECIMAL };
/** The attributes each element keeps, with what a value must look like. */
const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  fill: {},
  patternFill: { patternType: PATTERN_TYPE },
  gradientFill: {
    type: GRADIENT_TYPE,
    degree: DECIMAL,
    left: DECIMAL,
    right: DECIMAL,
    top: DECIMAL,
    bottom: DECIMAL,
  },
  stop: { position: DECIMAL },
  fgColor: COLOR_ATTRIBUTES,
  bgColor: COLOR_ATTRIBUTES,
  color: COLOR_ATTRIBUTES,
};

class UnreadableFill extends Error {}

/**
 * The fill rebuilt without a namespace prefix (the styles part adds its own), or null when the text is not one
 * `<fill>` element of the fill vocabulary. `<x:fill><x:patternFill patternType="solid"><x:fgColor
 * rgb="FFFFEB9C"/></x:patternFill></x:fill>` → `<fill><patternFill patternType="solid"><fgColor
 * rgb="FFFFEB9C"/></patternFill></fill>`.
 */
export function restorableFill(xml: string): string | null {
  const stack: { name: string; body: string; attrs: string }[] = [];
  let result: string | null = null;
  try {
    scanXml(
      xml,
      0,
      {
        open(name, tag) {
          const parent = stack.length > 0 ? stack[stack.length - 1]!.name : "";
          if (result !== null || !(CHILDREN[parent] ?? []).includes(name)) throw new UnreadableFill();
          let attrs = "";
          const allowed = ATTRIBUTES[name]!;
          for (const key of Object.keys(allowed)) {
            const value = attribute(tag, key);
            if (value === null) continue;
            if (!allowed[key]!.test(value)) throw new UnreadableFill();
            attrs += ` ${key}="${value}"`;
          }
          stack.push({ name, body: "", attrs });
        },
        close(name) {
          const element = stack.pop();
          if (!element || element.name !== name) throw new UnreadableFill();
          const text = element.body
            ? `<${name}${element.attrs}>${element.body}</${name}>`
            : `<${name}${element.attrs}/>`;
          if (stack.length > 0) stack[stack.length - 1]!.body += text;
          else result = text;
        },
        text(raw, cdata) {
          if (cdata || raw.trim() !== "") throw new UnreadableFill();
        },
      },
      true,
    );
  } catch {
    return null;
  }
  return stack.length === 0 ? result : null;
}
