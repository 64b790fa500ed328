import { test } from "node:test";
import assert from "node:assert/strict";
import {
  convertArguments, CONVERT_COMMAND, describeChoice, parseProfileNotification, parseProfileSetting, presentStatus,
  PROFILE_NOTIFICATION, profilePicks, profileTitle, SELECT_PROFILE_COMMAND,
} from "./lib/profile.mjs";

const auto2026 = { uri: "file:///ws/a.shell", profile: "2026", source: "auto", reason: "'while' on line 3" };

test("the names the server and the manifest share", () => {
  assert.equal(PROFILE_NOTIFICATION, "eyn/profile");
  assert.equal(CONVERT_COMMAND, "eyn.convertTo2026");
  assert.equal(SELECT_PROFILE_COMMAND, "eyn.selectProfile");
});

test("eyn/profile params are read and checked", () => {
  assert.deepEqual(parseProfileNotification(auto2026), auto2026);
  assert.deepEqual(parseProfileNotification({ uri: "file:///a", profile: "r13", source: "comment", reason: "x" }),
    { uri: "file:///a", profile: "r13", source: "comment", reason: "x" });
  assert.deepEqual(parseProfileNotification({ uri: "file:///a", profile: "r13" }),
    { uri: "file:///a", profile: "r13", source: "auto", reason: "" }, "missing source and reason");
  assert.equal(parseProfileNotification({ uri: "file:///a", profile: "r14", source: "auto", reason: "" }), undefined);
  assert.equal(parseProfileNotification({ profile: "2026" }), undefined);
  assert.equal(parseProfileNotification(null), undefined);
  assert.equal(parseProfileNotification("2026"), undefined);
});

test("the setting is read leniently", () => {
  assert.equal(parseProfileSetting("2026"), "2026");
  assert.equal(parseProfileSetting("r13"), "r13");
  assert.equal(parseProfileSetting("auto"), "auto");
  assert.equal(parseProfileSetting("R13"), "auto");
  assert.equal(parseProfileSetting(undefined), "auto");
});

test("the status item shows the profile and why", () => {
  assert.deepEqual(presentStatus(auto2026, "ready", "auto"),
    { text: "EYN-OS 2026", detail: "auto: 'while' on line 3", busy: false, severity: "information" });
  const r13 = { uri: "file:///a", profile: "r13", source: "comment", reason: "'# eyn: profile=r13' on line 1" };
  assert.equal(presentStatus(r13, "ready", "2026").text, "Release 13");
  assert.equal(presentStatus(r13, "ready", "2026").detail, "first-line comment: '# eyn: profile=r13' on line 1");
  assert.equal(describeChoice({ ...r13, source: "setting", reason: "the eyn.profile setting" }), "the eyn.profile setting");
  assert.equal(describeChoice({ ...r13, source: "auto", reason: "" }), "auto");
  assert.equal(profileTitle("r13"), "Release 13");
  assert.equal(profileTitle("2026"), "EYN-OS 2026");
});

test("before the server has said, the item shows the setting and the client's state", () => {
  assert.deepEqual(presentStatus(undefined, "starting", "auto"),
    { text: "EYN profile: auto", detail: "EYN language server starting…", busy: true, severity: "information" });
  assert.deepEqual(presentStatus(undefined, "ready", "2026"),
    { text: "EYN-OS 2026", detail: "EYN language server ready", busy: false, severity: "information" });
  assert.equal(presentStatus(auto2026, "starting", "auto").busy, true);
  assert.equal(presentStatus(undefined, "failed", "auto").severity, "warning");
  assert.match(presentStatus(undefined, "stopped", "r13").detail, /stopped/);
});

test("the quick pick offers Auto, Release 13 and EYN-OS 2026, the current one marked", () => {
  const picks = profilePicks("2026");
  assert.deepEqual(picks.map((p) => [p.label, p.value, p.picked]),
    [["Auto", "auto", false], ["Release 13", "r13", false], ["EYN-OS 2026", "2026", true]]);
  assert.match(picks[2].description, /current/);
  assert.doesNotMatch(picks[0].description, /current/);
  assert.match(picks[0].detail, /# eyn: profile=2026/);
});

test("convertTo2026 gets [documentUri] from the menu's Uri, a string or the active editor", () => {
  const uri = { scheme: "file", toString: () => "file:///ws/a.eyn" };
  assert.deepEqual(convertArguments([uri, { groupId: 0 }], "file:///ws/b.eyn"), ["file:///ws/a.eyn"]);
  assert.deepEqual(convertArguments(["file:///ws/c.eyn"], undefined), ["file:///ws/c.eyn"]);
  assert.deepEqual(convertArguments([], "file:///ws/b.eyn"), ["file:///ws/b.eyn"]);
  assert.equal(convertArguments([], undefined), undefined);
  assert.equal(convertArguments([{}], undefined), undefined);
});
