// The addresses a plain build writes when nobody said where the add-ins will be served. A build with one of them
// works only on the developer's PC (the dev server) or nowhere at all (the example domain), so every build that
// writes one prints a banner on stderr saying which variable to set; `npm run release` always sets both.
"use strict";

const PLACEHOLDERS = ["https://localhost:3000", "wps.example.gov.cn"];

/**
 * The banner for `url` when it is a placeholder, else null.
 * @param {string} what the thing built with that address ("dist/manifest.xml")
 * @param {string} url the address the build used
 * @param {string} variable the environment variable that sets it
 */
function placeholderWarning(what, url, variable) {
  if (!PLACEHOLDERS.some((placeholder) => url.includes(placeholder))) return null;
  const rule = "!".repeat(78);
  return [
    rule,
    `!! ${what} points at ${url}, a placeholder: no clerk's PC can load it from there.`,
    `!! For the intranet: ${variable}=https://HOST/PATH/ …, or build everything at once with`,
    "!!   npm run release -- --url https://HOST/PATH/",
    `!! 注意：${what} 中的地址 ${url} 是占位地址，部署前请设置 ${variable} 或使用 npm run release。`,
    rule,
    "",
  ].join("\n");
}

module.exports = { PLACEHOLDERS, placeholderWarning };
