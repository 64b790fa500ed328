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
writeFileSync(join(ws, "main.eyn"), "# e2e\nzopen data.txt r\necho opened\nzopne data.txt\nzclose 0\n");
// an EYN-OS 2026 script as /binaries holds it: no extension, first byte '#'
mkdirSync(join(ws, "binaries"), { recursive: true });
writeFileSync(join(ws, "binaries", "greet"), "# greet: says hello\nif x$1 == x\n  echo usage: greet NAME\n  exit\nendif\necho hello $1\n");
writeFileSync(join(ws, ".vscode", "launch.json"), JSON.stringify({
  version: "0.2.0",
  configurations: [{ type: "eyn", request: "launch", name: "Debug main", program: "${workspaceFolder}/main.eyn", stopOnEntry: false }],
}, null, 2));
const userData = join(root, "user");
const extensions = join(root, "extensions");
mkdirSync(join(userData, "User"), { recursive: true });
writeFileSync(join(userData, "User", "settings.json"), JSON.stringify({
  "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false, "update.mode": "none", "workbench.tips.enabled": false,
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

  // a breakpoint on line 3 (after zopen), then debug and read fd 0 in the Variables panel
  await page.keyboard.press("Control+G");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.keyboard.press("F9");
  await page.waitForTimeout(500);
  await page.keyboard.press("F5");
  await page.waitForSelector(".debug-toolbar", { timeout: 30000 });
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
  const stack = await page.locator(".debug-call-stack").innerText().catch(() => "");
  check("the debugger stopped at the breakpoint on line 3", /main\.eyn\s*3/.test(stack.replace(/:/g, " ")), stack.slice(0, 300));
  check("the Variables panel shows fd 0", variables.includes("fd 0") && variables.includes("data.txt"), variables.slice(0, 400));
  await page.keyboard.press("Shift+F5");
  await page.waitForTimeout(1000);

  // an extensionless script under binaries/ opens as EYN
  await quickOpen("binaries/greet");
  let greetMode = "";
  for (let i = 0; i < 20 && !greetMode.includes("EYN"); i++) {
    await page.waitForTimeout(500);
    greetMode = await page.locator("#status\\.editor\\.mode").innerText().catch(() => "");
  }
  await shot("binaries-script");
  check("an extensionless script under binaries/ opens as EYN", greetMode.includes("EYN"), greetMode);
} finally {
  await shot("end");
  await browser.close();
  server.kill();
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
