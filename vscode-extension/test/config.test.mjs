import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveLaunch, runArguments, serverOptions } from "./lib/config.mjs";

const settings = {
  ram: 64, seed: 7, persist: false, portabilityWarnings: true, drives: { "1": "/data" }, driveRoot: "",
  disabledDiagnostics: ["W110"], trace: "messages", diagnosticsSeverity: "warning",
};

test("F5 without a launch.json debugs the active script with the settings' defaults", () => {
  const r = resolveLaunch({ type: "", request: "", name: "" }, settings, "/ws/main.eyn");
  assert.equal(r.type, "eyn");
  assert.equal(r.request, "launch");
  assert.equal(r.program, "/ws/main.eyn");
  assert.equal(r.stopOnEntry, true);
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
    trace: "messages", portabilityWarnings: true, disabledDiagnostics: ["W110"], driveRoot: "", ram: 64,
    diagnosticsSeverity: "warning",
  });
  assert.equal(serverOptions({ ...settings, driveImage: "disks/eynfs.img" }).driveImage, "disks/eynfs.img");
  assert.deepEqual(runArguments("/ws/main.eyn", { ...settings, persist: true }),
    ["run", "/ws/main.eyn", "--ram", "64", "--seed", "7", "--summary", "--drive", "1=/data", "--persist"]);
});
