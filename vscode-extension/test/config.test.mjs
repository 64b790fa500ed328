import { test } from "node:test";
import assert from "node:assert/strict";
import { debugConfigurationFor, disabledDiagnostics, dynamicConfigurations, profileArguments, resolveLaunch, runArguments, serverOptions } from "./lib/config.mjs";

const settings = {
  ram: 64, seed: 7, persist: false, portabilityWarnings: true, drives: { "1": "/data" }, driveRoot: "",
  disabledDiagnostics: ["W110"], trace: "messages", diagnosticsSeverity: "warning", profile: "auto", fidelity: "fixed",
};

test("F5 without a launch.json debugs the active script with the settings' defaults", () => {
  const r = resolveLaunch({ type: "", request: "", name: "" }, settings, "/ws/main.eyn");
  assert.equal(r.type, "eyn");
  assert.equal(r.request, "launch");
  assert.equal(r.program, "/ws/main.eyn");
  assert.equal(r.stopOnEntry, undefined, "no stop on entry unless asked: the first stop is a breakpoint");
  assert.equal(r.ram, 64);
  assert.equal(r.seed, 7);
  assert.deepEqual(r.drives, { "1": "/data" });
});

test("a launch configuration's own values are kept", () => {
  const r = resolveLaunch({ type: "eyn", request: "launch", name: "x", program: "/a.eyn", ram: 16, persist: true }, settings, undefined);
  assert.equal(r.program, "/a.eyn");
  assert.equal(r.ram, 16);
  assert.equal(r.persist, true);
  assert.equal(r.seed, 7);
});

test("nothing to debug without a program or an open script", () => {
  assert.equal(resolveLaunch({ type: "", request: "", name: "" }, settings, undefined), undefined);
  assert.equal(resolveLaunch({ type: "eyn", request: "launch", name: "x", program: "${file}" }, settings, undefined), undefined);
});

test("the server and eyn run get the settings", () => {
  assert.deepEqual(serverOptions(settings), {
    trace: "messages", portabilityWarnings: true, disabledDiagnostics: ["W110", "P207"], driveRoot: "", ram: 64,
    diagnosticsSeverity: "warning", profile: "auto", fidelity: "fixed",
  });
  assert.equal(serverOptions({ ...settings, driveImage: "disks/eynfs.img" }).driveImage, "disks/eynfs.img");
  assert.deepEqual(runArguments("/ws/main.eyn", { ...settings, persist: true }),
    ["run", "/ws/main.eyn", "--ram", "64", "--seed", "7", "--summary", "--drive", "1=/data", "--persist"]);
});

test("the profile and fidelity settings reach the server, launches and eyn run", () => {
  const s2026 = { ...settings, profile: "2026", fidelity: "faithful" };
  assert.equal(serverOptions(s2026).profile, "2026");
  assert.equal(serverOptions(s2026).fidelity, "faithful");
  const r = resolveLaunch({ type: "", request: "", name: "" }, s2026, "/ws/binaries/tool");
  assert.equal(r.profile, "2026");
  assert.equal(r.fidelity, "faithful");
  assert.deepEqual(runArguments("/ws/a.shell", s2026),
    ["run", "/ws/a.shell", "--ram", "64", "--seed", "7", "--summary", "--drive", "1=/data", "--profile", "2026", "--fidelity", "faithful"]);
});

test("a launch configuration's profile, fidelity and args win over the settings", () => {
  const r = resolveLaunch({ type: "eyn", request: "launch", name: "x", program: "/a.shell", profile: "r13", fidelity: "fixed", args: ["a", "b"] },
    { ...settings, profile: "2026", fidelity: "faithful" }, undefined);
  assert.equal(r.profile, "r13");
  assert.equal(r.fidelity, "fixed");
  assert.deepEqual(r.args, ["a", "b"]);
});

test("eyn run and eyn check get no profile flags at the defaults", () => {
  assert.deepEqual(profileArguments({ profile: "auto", fidelity: "fixed" }), []);
  assert.deepEqual(profileArguments({ profile: "r13", fidelity: "fixed" }), ["--profile", "r13"]);
  assert.deepEqual(profileArguments({ profile: "nonsense", fidelity: "nonsense" }), []);
});

test("the Debug code lens and the dynamic 'Debug current script' do not stop on entry", () => {
  for (const c of dynamicConfigurations()) assert.equal(c.stopOnEntry, undefined, c.name);
  const lens = debugConfigurationFor("/ws/zero-copy.eyn");
  assert.equal(lens.program, "/ws/zero-copy.eyn");
  assert.equal(lens.name, "Debug zero-copy.eyn");
  assert.equal(lens.stopOnEntry, undefined);
});

test("P207 (a .eyn file run by run) is off unless the project is shell-only", () => {
  assert.deepEqual(disabledDiagnostics({ disabledDiagnostics: ["W110"] }), ["W110", "P207"]);
  assert.deepEqual(disabledDiagnostics({ disabledDiagnostics: ["W110"], shellOnlyProject: true }), ["W110"]);
  assert.ok(serverOptions(settings).disabledDiagnostics.includes("P207"));
});
