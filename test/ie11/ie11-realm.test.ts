/**
 * The IE11 realm (testing/ie11-realm) fails where Internet Explorer 11 would: a test of the test's ground. A
 * built-in IE11 lacks is missing and, once armed, a logged trip; Map and Set are IE11's; RegExp refuses the y flag
 * and lookbehind; a regex literal IE11 would not parse is found in a script's text; the page's DOM has IE11's calls
 * and not the ones it lacks.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { PageRealm } from "../../testing/ie11-realm/ie11-realm";
import { ROOT } from "../../testing/pane-harness";

const OUT = join(ROOT, ".tmp", "ie11-realm-self");

describe("the realm itself fails where IE11 would", () => {
  test("a built-in IE11 lacks is missing and, once armed, its read is a trip; a modern realm has it", () => {
    const realm = new PageRealm({ ie11: true, href: "https://x/p.html", html: "<html><body></body></html>" });
    realm.arm();
    const run = (code: string): unknown =>
      (realm.window.eval as (c: string) => unknown)(
        `(function () { try { return ${code}; } catch (e) { return e.name; } })()`,
      );
    expect(run("[1, 2].includes(2)")).toBe("TypeError");
    expect(run("typeof Promise")).toBe("undefined");
    expect(run("new Map([[1, 2]]).size")).toBe(0);
    expect(run("new RegExp('a', 'y')")).toBe("SyntaxError");
    expect(run("new RegExp('(?<=a)b')")).toBe("SyntaxError");
    const trips = realm.allTrips().join("\n");
    for (const trip of [/Array\.prototype\.includes read/, /Promise read/, /flag y/, /lookbehind/])
      expect(trips).toMatch(trip);
    const modern = new PageRealm({
      ie11: false,
      href: "https://x/p.html",
      html: "<html><body></body></html>",
    });
    expect((modern.window.eval as (c: string) => unknown)("[1, 2].includes(2)")).toBe(true);
  });

  test("a regex literal IE11 refuses is found in a script's text", () => {
    const realm = new PageRealm({ ie11: true, href: "https://x/p.html", html: "<html><body></body></html>" });
    mkdirSync(OUT, { recursive: true });
    const path = join(OUT, "literal.js");
    writeFileSync(path, "var a = /x/y; var b = /(?<n>x)/; var c = /ok/g;");
    realm.load(path);
    expect(realm.allTrips()).toEqual([
      "literal.js: regex literal /x/y",
      "literal.js: regex literal /(?<n>x)/",
    ]);
  });

  test("the page has IE11's DOM calls, not the ones it lacks", () => {
    const realm = new PageRealm({
      ie11: true,
      href: "https://x/p.html?action=run",
      html: '<html><body><p id="a" hidden>x</p><button id="b">go</button></body></html>',
    });
    const run = (code: string): unknown =>
      (realm.window.eval as (c: string) => unknown)(
        `(function () { try { return ${code}; } catch (e) { return e.name; } })()`,
      );
    expect(run("document.getElementById('a').hidden")).toBe(true);
    expect(run("document.getElementById('a').textContent")).toBe("x");
    expect(run("location.search")).toBe("?action=run");
    expect(run("typeof document.getElementById('a').remove")).toBe("undefined");
    expect(run("typeof document.body.append")).toBe("undefined");
    expect(run("typeof document.currentScript")).toBe("undefined");
    expect(run("document.getElementsByTagName('button').length")).toBe(1);
  });
});
