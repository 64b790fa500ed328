// End-to-end test in a real VS Code: code-server with the packaged .vsix installed, driven by
// Playwright in Debian's Chromium. Usage: node vscode.mjs <code-server bin> <vsix> <artifacts dir>
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? "playwright-core");
const [codeServer, vsix, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });

const root = mkdtempSync(join(tmpdir(), "eyn-e2e-"));
const ws = join(root, "ws");
mkdirSync(join(ws, ".vscode"), { recursive: true });
writeFileSync(join(ws, "data.txt"), "hello from the e2e test\n");
writeFileSync(join(ws, "main.eyn"), "# e2e\nzopen data.txt r\necho opened\nzopne data.txt\nrun sub.eyn\nzclose 0\n");
writeFileSync(join(ws, "sub.eyn"), "echo in sub\necho sub line 2\n");
// an EYN-OS 2026 script as /binaries holds it: no extension, first byte '#'
mkdirSync(join(ws, "binaries"), { recursive: true });
writeFileSync(join(ws, "binaries", "greet"), "# greet: says hello\nif x$1 == x\n  echo usage: greet NAME\n  exit\nendif\necho hello $1\n");
// no launch.json: F5 debugs the active script (issue 13: no stop on entry, the first stop is the breakpoint)
const userData = join(root, "user");
const extensions = join(root, "extensions");
mkdirSync(join(userData, "User"), { recursive: true });
writeFileSync(join(userData, "User", "settings.json"), JSON.stringify({
  "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false, "update.mode": "none", "workbench.tips.enabled": false,
  "terminal.integrated.tabs.hideCondition": "never", "terminal.integrated.gpuAcceleration": "off", "debug.openDebug": "openOnDebugBreak",
}));

const install = spawnSync(codeServer, ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix], { encoding: "utf8" });
if (install.status !== 0) throw new Error("install failed: " + install.stdout + install.stderr);

const port = await new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const server = spawn(codeServer, ["--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--user-data-dir", userData,
  "--extensions-dir", extensions, "--disable-telemetry", "--disable-update-check", ws], { stdio: "ignore" });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let step = 0;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(8000);
async function shot(name) {
  await page.screenshot({ path: join(artifacts, `${String(++step).padStart(2, "0")}-${name}.png`) });
}
async function command(text) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type(text);
  await page.waitForTimeout(400);
  await page.keyboard.press("Enter");
}
/** Quick Open (Ctrl+P) a workspace file: waits for its row before Enter, so a slow file search on a busy machine does not lose it. */
async function quickOpen(name) {
  const base = name.split("/").pop();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press("Control+P");
    await page.waitForSelector(".quick-input-widget input", { state: "visible" });
    await page.keyboard.type(name);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: base }).first();
    if (await row.waitFor({ state: "visible", timeout: 30000 }).then(() => true, () => false)) {
      await page.keyboard.press("Enter");
      const tab = page.locator(".tabs-container .tab", { hasText: base });
      if (await tab.first().waitFor({ state: "visible", timeout: 30000 }).then(() => true, () => false)) return;
    }
    await page.keyboard.press("Escape");
  }
  throw new Error(`Quick Open could not open ${name}`);
}
const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok });
  console.log(`${ok ? "ok" : "not ok"} - ${name}${ok ? "" : ": " + detail}`);
}
try {
  for (let i = 0; i < 60; i++) {
    try { await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`); break; } catch { await new Promise((r) => setTimeout(r, 500)); }
  }
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForTimeout(3000);
  await quickOpen("main.eyn");
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30000 });
  await page.waitForTimeout(2000);
  await shot("opened");
  const mode = await page.locator("#status\\.editor\\.mode").innerText({ timeout: 20000 }).catch(() => "");
  check("the language mode is EYN", mode.includes("EYN"), mode);

  // the language server's diagnostic in the Problems panel
  let problems = "";
  for (let i = 0; i < 40 && !problems.includes("zopne"); i++) {
    await command("View: Focus Problems");
    await page.waitForTimeout(750);
    problems = await page.locator(".markers-panel").innerText().catch(() => "");
  }
  await shot("problems");
  check("a diagnostic is in the Problems panel", problems.includes("Unknown command 'zopne'"), problems.slice(0, 300));
  check("the diagnostic is listed once", problems.split("Unknown command 'zopne'").length === 2, problems.slice(0, 300));

  // the language status item ({} beside the language mode): the profile the server chose for main.eyn
  let languageStatus = "";
  for (let i = 0; i < 20 && !languageStatus.includes("Release 13"); i++) {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.waitForTimeout(500);
    await page.locator('[id="status.languageStatus"]').hover({ timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(1000);
    languageStatus = (await page.locator(".monaco-hover, .workbench-hover, .context-view").allInnerTexts().catch(() => [])).join(" | ");
  }
  await shot("language-status");
  check("the language status item shows the profile (Release 13 for a zopen script)", languageStatus.includes("Release 13"),
    languageStatus.slice(0, 300));
  await page.keyboard.press("Escape");

  // a completion item from the language server
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nzre");
  await page.keyboard.press("Control+Space");
  const suggest = await page.waitForSelector(".suggest-widget .monaco-list-row", { timeout: 20000 }).then(() =>
    page.locator(".suggest-widget").innerText()).catch(() => "");
  await shot("completion");
  check("completion offers zread", suggest.includes("zread"), suggest.slice(0, 300));
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Z");
  await page.keyboard.press("Control+Z");
  await page.keyboard.press("Control+S");

  // a breakpoint on line 3 (after zopen); F5 with no launch.json stops there (not on entry), fd 0 in Variables
  await page.keyboard.press("Control+G");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.keyboard.press("F9");
  await page.waitForTimeout(500);
  await page.keyboard.press("F5");
  await page.waitForSelector(".debug-toolbar", { timeout: 30000 });
  const callStack = async () => (await page.locator(".debug-call-stack").innerText().catch(() => "")).replace(/:/g, " ");
  let stack = "";
  for (let i = 0; i < 40 && !/main\.eyn\s*3/.test(stack); i++) {
    await page.waitForTimeout(500);
    stack = await callStack();
  }
  let variables = "";
  for (let i = 0; i < 40 && !variables.includes("File descriptors"); i++) {
    await page.waitForTimeout(500);
    variables = await page.locator(".debug-variables").innerText().catch(() => "");
  }
  const fdScope = page.locator(".debug-variables .monaco-list-row", { hasText: "File descriptors" });
  await fdScope.click().catch(() => {});
  await page.waitForTimeout(1000);
  variables = await page.locator(".debug-variables").innerText().catch(() => "");
  await shot("debugging");
  check("F5 without a launch.json stops at the breakpoint on line 3, not on entry", /main\.eyn\s*3/.test(stack) && !/entry/i.test(stack),
    stack.slice(0, 300));
  check("the Variables panel shows fd 0", variables.includes("fd 0") && variables.includes("data.txt"), variables.slice(0, 400));
  // the session runs on the window's adapter host (eyn.debug.adapterHost "early"), not on a process of its own
  const javas = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout.split("\n").filter((l) => l.includes("eyn.jar dap"));
  check("the debug session is served by the window's adapter host (eyn dap --listen), no process per session",
    javas.length === 1 && javas[0].includes("dap --listen"), javas.join("\n").slice(0, 600));

  // the "Unknown command" exception filter: the failed command's own line (4) is highlighted, with the reason
  const filter = page.locator(".debug-breakpoints .monaco-list-row", { hasText: "Unknown command" }).locator("input[type=checkbox]");
  await filter.check({ timeout: 10000 }).catch(async () => {
    await page.locator(".debug-breakpoints .monaco-list-row", { hasText: "Unknown command" }).click().catch(() => {});
  });
  await page.waitForTimeout(500);
  await page.keyboard.press("F5");
  let exception = "";
  for (let i = 0; i < 30 && !exception.includes("zopne"); i++) {
    await page.waitForTimeout(500);
    exception = await page.locator(".exception-widget").innerText().catch(() => "");
  }
  stack = await callStack();
  await shot("failed-command");
  check("a failed command stops on its own line (4)", /main\.eyn\s*4/.test(stack), stack.slice(0, 300));
  check("the exception box says what failed and suggests zopen", exception.includes("zopne") && exception.includes("zopen"), exception.slice(0, 300));

  // the failed line has run: the next statement is the run on line 5; step into sub.eyn, whose caller frame points at line 5
  await page.locator(".monaco-editor .view-lines").first().click().catch(() => {});
  await page.keyboard.press("F11");
  for (let i = 0; i < 30 && !/sub\.eyn/.test(stack); i++) {
    await page.waitForTimeout(500);
    stack = await callStack();
  }
  await shot("caller-frame");
  check("the caller frame points at its run line (main.eyn 5)", /sub\.eyn\s*1/.test(stack) && /main\.eyn\s*5/.test(stack), stack.slice(0, 300));

  // the machine view: a heap block on the map, and a byte written through writeMemory
  await command("EYN: Open Machine View");
  let machine;
  let machineText = "";
  for (let i = 0; i < 40 && !machineText.includes("heap block"); i++) {
    await page.waitForTimeout(500);
    for (const f of page.frames()) {
      const t = await f.locator("#map").innerText({ timeout: 200 }).catch(() => "");
      if (t) { machine = f; machineText = t; }
    }
  }
  await shot("machine-view");
  check("the machine view shows a heap block", machineText.includes("heap block"), machineText.slice(0, 300));
  let written = false;
  if (machine && machineText.includes("heap block")) {
    // the hex view shows the first region; its first byte becomes AB through writeMemory
    const byte = machine.locator("#hex td.byte").first();
    await byte.click({ timeout: 3000 }).catch(() => {});
    const input = machine.locator("#hex input");
    await input.fill("AB", { timeout: 3000 }).catch(() => {});
    await input.press("Enter", { timeout: 3000 }).catch(() => {});
    for (let i = 0; i < 20 && !written; i++) {
      await page.waitForTimeout(500);
      written = (await machine.locator("#hex td.byte").first().innerText({ timeout: 1000 }).catch(() => "")) === "AB";
    }
  }
  await shot("machine-view-written");
  check("a byte written in the machine view reads back (writeMemory, memory event)", written, "the first byte is not AB");
  await page.keyboard.press("Shift+F5");
  await page.waitForTimeout(1000);

  // Run twice: one terminal named after the script, with a header and a summary
  // back to main.eyn's own tab (it stays open beside the machine view); Quick Open only if it was closed
  const mainTab = page.locator(".tabs-container .tab", { hasText: "main.eyn" }).first();
  if (await mainTab.isVisible().catch(() => false)) await mainTab.click();
  else await quickOpen("main.eyn");
  await page.waitForTimeout(500);
  await page.locator(".monaco-editor .view-lines").first().click().catch(() => {});
  await command("EYN: Run Script");
  await page.waitForTimeout(4000);
  await command("EYN: Run Script");
  let terminal = "";
  for (let i = 0; i < 30 && !terminal.includes("exit status"); i++) {
    await page.waitForTimeout(500);
    terminal = await page.locator(".terminal-wrapper .xterm-rows").first().innerText().catch(() => "");
  }
  const tabs = await page.locator(".terminal-tabs-entry").allInnerTexts().catch(() => []);
  await shot("run-twice");
  check("Run twice leaves one terminal named after the script", tabs.filter((t) => t.includes("main.eyn")).length === 1, JSON.stringify(tabs));
  // the header's first lines may have scrolled out of the visible rows: the summary's lines are checked
  check("the run terminal shows the summary with the exit status", terminal.includes("Commands failed: 1") && terminal.includes("exit status 1"),
    terminal.slice(0, 400));
  // each failed command's location is a link to its line: the cursor goes from line 1 to the zopne on line 4
  // the second run ends first (its output would scroll the rows), then the panel is maximized so the line is in view
  for (let i = 0; i < 30 && !terminal.slice(terminal.lastIndexOf("▶")).includes("exit status"); i++) {
    await page.waitForTimeout(500);
    terminal = await page.locator(".terminal-wrapper .xterm-rows").first().innerText().catch(() => "");
  }
  let linked = "";
  if (await mainTab.isVisible().catch(() => false)) await mainTab.click();
  await page.locator(".monaco-editor .view-lines").first().click().catch(() => {});
  await page.keyboard.press("Control+Home");
  await page.waitForTimeout(300);
  const before = await page.locator("#status\\.editor\\.selection").innerText().catch(() => "");
  await command("View: Toggle Maximized Panel");
  await page.waitForTimeout(1000);
  const maximized = await page.locator(".terminal-wrapper .xterm-rows").first().innerText().catch(() => "");
  check("the run terminal shows where the failed command is (  at …/main.eyn:4)", /at \S*main\.eyn:4/.test(maximized), maximized.slice(-800));
  const atRow = page.locator(".terminal-wrapper .xterm-rows > div", { hasText: "main.eyn:4" }).last();
  const box = (await atRow.isVisible().catch(() => false)) ? await atRow.boundingBox() : null;
  if (box && before.includes("Ln 1,")) {
    await page.mouse.move(box.x + 80, box.y + box.height / 2);
    await page.waitForTimeout(1000);
    await shot("run-location-hover");
    await page.keyboard.down("Control");
    await page.mouse.click(box.x + 80, box.y + box.height / 2);
    await page.keyboard.up("Control");
    for (let i = 0; i < 20 && !linked.includes("Ln 4,"); i++) {
      await page.waitForTimeout(300);
      linked = await page.locator("#status\\.editor\\.selection").innerText().catch(() => "");
    }
  } else {
    linked = `no location row in view (${box !== null}) or the cursor was not on line 1 first: ${before}`;
  }
  await shot("run-location-link");
  const restore = page.locator('[aria-label^="Restore Panel Size"]').first();
  if (await restore.isVisible().catch(() => false)) await restore.click().catch(() => {});
  check("clicking a failed command's location opens its line", linked.includes("Ln 4,"), linked);

  // an extensionless script under binaries/ opens as EYN
  await quickOpen("binaries/greet");
  let greetMode = "";
  for (let i = 0; i < 20 && !greetMode.includes("EYN"); i++) {
    await page.waitForTimeout(500);
    greetMode = await page.locator("#status\\.editor\\.mode").innerText().catch(() => "");
  }
  await shot("binaries-script");
  check("an extensionless script under binaries/ opens as EYN", greetMode.includes("EYN"), greetMode);
  // an untitled EYN buffer: Run asks to save first, in one sentence
  await command("File: New Untitled Text File");
  await page.waitForTimeout(1000);
  await page.keyboard.type("echo untitled");
  await command("Change Language Mode");
  await page.waitForTimeout(500);
  await page.keyboard.type("EYN");
  await page.waitForTimeout(500);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(1000);
  await command("EYN: Run Script");
  let toast = "";
  for (let i = 0; i < 20 && !toast.includes("Save this script first"); i++) {
    await page.waitForTimeout(500);
    toast = (await page.locator(".notifications-toasts").allInnerTexts().catch(() => [])).join(" ");
  }
  await shot("untitled-run");
  check("an untitled buffer asks to be saved first", toast.includes("Save this script first"), toast.slice(0, 300));
  await page.keyboard.press("Escape");

} finally {
  await shot("end");
  await browser.close();
  server.kill();
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
