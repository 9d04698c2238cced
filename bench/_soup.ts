import fc from "fast-check";
import { readHtmlTables } from "../src/xlsx/read-html-table";
const piece = fc.constantFrom("<table>","</table>","<tr>","</tr>","<td>","</td>","<th colspan=2>","<td rowspan=0>","<td rowspan=3>","<tbody>","</tbody>","<thead>","<caption>","</caption>","<br>","<p>","</p>","<!--x-->","<script>","</script>","<xml>","</xml>","&nbsp;","项目","指标","<![if x]>","<![endif]>","<o:p>","</o:p>");
const r = fc.check(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
  const html = pieces.join("");
  const grid = readHtmlTables(html);
  const text = grid.flat().join("");
  if (!/<script>|<xml>/.test(html)) {
    let depth = 0; let nested = false;
    for (const p of pieces) { if (p === "<table>") nested ||= ++depth > 1; if (p === "</table>") depth = Math.max(0, depth - 1); }
    if (!nested && text.split("项目").length !== html.split("项目").length) return false;
  }
  return true;
}), { numRuns: 300000 });
console.log(r.failed ? JSON.stringify(r.counterexample) + " seed " + r.seed : "ok " + r.numRuns);
