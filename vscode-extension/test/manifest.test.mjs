// The manifest, the snippets and the language configuration agree with each other and with the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { CONVERT_COMMAND, SELECT_PROFILE_COMMAND } from "./lib/profile.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const snippets = JSON.parse(readFileSync(join(root, "snippets", "eyn.json"), "utf8"));
const langConf = JSON.parse(readFileSync(join(root, "language-configuration.json"), "utf8"));
const props = pkg.contributes.configuration.properties;

test("eyn.profile and eyn.fidelity settings", () => {
  assert.deepEqual(props["eyn.profile"].enum, ["auto", "r13", "2026"]);
  assert.equal(props["eyn.profile"].default, "auto");
  assert.match(props["eyn.profile"].markdownDescription, /# eyn: profile=2026/);
  assert.equal(props["eyn.profile"].enumDescriptions.length, 3);
  assert.deepEqual(props["eyn.fidelity"].enum, ["fixed", "faithful"]);
  assert.equal(props["eyn.fidelity"].default, "fixed");
  assert.match(props["eyn.fidelity"].enumDescriptions[1], /reproduce EYN-OS bugs the emulator otherwise fixes/i);
});

test("the convert and profile commands are contributed where the code registers them", () => {
  const commands = new Map(pkg.contributes.commands.map((c) => [c.command, c.title]));
  assert.equal(commands.get(CONVERT_COMMAND), "EYN: Convert Script to EYN-OS 2026");
  assert.ok(commands.has(SELECT_PROFILE_COMMAND));
  assert.ok(pkg.contributes.menus["editor/context"].some((m) => m.command === CONVERT_COMMAND && m.when === "editorLangId == eyn"));
  assert.ok(pkg.contributes.menus.commandPalette.some((m) => m.command === CONVERT_COMMAND));
  assert.ok(pkg.activationEvents.includes("onLanguage:plaintext"), "extensionless scripts in binaries/ open as plain text first");
});

test("launch configurations take profile, args and fidelity", () => {
  const dbg = pkg.contributes.debuggers[0];
  const launch = dbg.configurationAttributes.launch.properties;
  assert.deepEqual(launch.profile.enum, ["auto", "r13", "2026"]);
  assert.deepEqual(launch.fidelity.enum, ["fixed", "faithful"]);
  assert.equal(launch.args.type, "array");
  assert.equal(launch.args.items.type, "string");
  assert.deepEqual(dbg.initialConfigurations[0].args, []);
  const with2026 = dbg.configurationSnippets.find((s) => s.body.profile === "2026");
  assert.ok(with2026 && Array.isArray(with2026.body.args), "a snippet launches a 2026 script with arguments");
});

test("every snippet says which EYN-OS it is for; 2026 ones use only the 2026 language", () => {
  const d3 = [];
  for (const [name, s] of Object.entries(snippets)) {
    assert.match(name, /\((Release 13|EYN-OS 2026)\)$/, name);
    assert.match(s.description, /^(Release 13|EYN-OS 2026): /, name);
    if (name.endsWith("(EYN-OS 2026)")) d3.push(s.body.join("\n"));
  }
  const all = d3.join("\n");
  for (const word of ["if ", "elif ", "else", "endif", "while ", "endwhile", "calc", "-f", "\\$1"]) assert.ok(all.includes(word), word);
  assert.doesNotMatch(all, /^\s*(ifeq|ifneq|loop|endloop)\b/m, "no Release 13 directives in 2026 snippets");
  assert.deepEqual(["open-read-close", "mmap-sync-unmap", "loop", "ifeq"].filter((p) => !Object.values(snippets).some((s) => s.prefix === p)), [],
    "the Release 13 snippets keep their prefixes");
});

test("folding comes from the language server, and indentation knows both dialects' blocks", () => {
  // folding markers would turn every loop/ifeq line into a minimap section header ("12", "$MODE fast")
  assert.equal(langConf.folding, undefined, "no folding markers: the server's folding ranges fold blocks");
  const inc = new RegExp(langConf.indentationRules.increaseIndentPattern);
  const dec = new RegExp(langConf.indentationRules.decreaseIndentPattern);
  for (const l of ["elif $A == b", "else", "while 1"]) assert.ok(inc.test(l), l);
  for (const l of ["elif x", "endwhile", "else"]) assert.ok(dec.test(l), l);
});
