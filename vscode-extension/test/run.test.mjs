import { test } from "node:test";
import assert from "node:assert/strict";
import { forTerminal, isQuietExit, runHeader, runLocation, runSummary, runTerminalName, SAVE_FIRST, saveStep } from "./lib/run.mjs";

test("one terminal per script, named after it", () => {
  assert.equal(runTerminalName("/ws/examples/zero-copy.eyn"), "EYN: zero-copy.eyn");
  assert.equal(runTerminalName("C:\\ws\\a.shell"), "EYN: a.shell");
});

test("the header says which script, profile and drives", () => {
  const h = runHeader("/ws/examples/zero-copy.eyn", { profile: "auto", fidelity: "fixed", drives: { "1": "/data" }, driveRoot: "" });
  assert.match(h[0], /zero-copy\.eyn/);
  assert.match(h[1], /profile auto/);
  assert.match(h[1], /drives 0 = \/ws\/examples, 1 = \/data/);
  const r = runHeader("/ws/a.shell", { profile: "2026", fidelity: "faithful", drives: {}, driveRoot: "/root" });
  assert.match(r[1], /profile 2026, faithful · drives 0 = \/root/);
});

test("the summary gives the exit status in words", () => {
  assert.match(runSummary(0, null), /no command failed \(exit status 0\)/);
  assert.match(runSummary(1, null), /a command failed \(exit status 1\)/);
  assert.match(runSummary(null, "SIGTERM"), /stopped/);
});

test("terminal text uses CR LF", () => {
  assert.equal(forTerminal("a\nb\r\nc"), "a\r\nb\r\nc");
});

test("untitled buffers are saved first, modified files saved silently", () => {
  assert.equal(saveStep({ isUntitled: true, isDirty: true }), "saveAs");
  assert.equal(saveStep({ isUntitled: false, isDirty: true }), "save");
  assert.equal(saveStep({ isUntitled: false, isDirty: false }), "none");
  assert.equal(SAVE_FIRST.split(". ").length, 1, "one sentence");
});

test("a clean server exit is not an error", () => {
  assert.ok(isQuietExit("Server process exited with code 0."));
  assert.ok(!isQuietExit("Server process exited with code 1."));
});

test("a failed command's location line links FILE:LINE to that line", () => {
  const text = "  at /ws/examples/main.eyn:14";
  const at = runLocation(text);
  assert.deepEqual(at, { start: 5, length: "/ws/examples/main.eyn:14".length, file: "/ws/examples/main.eyn", line: 14 });
  assert.equal(text.substr(at.start, at.length), "/ws/examples/main.eyn:14");
  assert.equal(runLocation("  at C:\\ws\\a b.shell:2 ").file, "C:\\ws\\a b.shell", "drive letters and spaces stay in the path");
  assert.equal(runLocation("Command not found: zopne"), undefined, "EYN-OS's own lines are not links");
  assert.equal(runLocation("echo at noon:3 today"), undefined);
  assert.equal(runLocation("  at /ws/main.eyn:0"), undefined, "lines count from 1");
});
