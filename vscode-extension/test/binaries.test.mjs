import { test } from "node:test";
import assert from "node:assert/strict";
import { isBinariesScript } from "./lib/binaries.mjs";

test("an extensionless plain-text file under binaries/ that starts with # is an EYN script", () => {
  assert.equal(isBinariesScript("/ws/drive0/binaries/build_doom", "plaintext", "#"), true);
  assert.equal(isBinariesScript("/ws/binaries/tools/hello", "plaintext", "#"), true, "at any depth under binaries/");
  assert.equal(isBinariesScript("/c:/Users/me/os/binaries/hello", "plaintext", "#"), true);
  assert.equal(isBinariesScript("C:\\Users\\me\\os\\binaries\\hello", "plaintext", "#"), true, "Windows separators");
});

test("anything else keeps its language", () => {
  assert.equal(isBinariesScript("/ws/binaries/hello", "plaintext", ""), false, "empty file");
  assert.equal(isBinariesScript("/ws/binaries/hello", "plaintext", "e"), false, "first byte not #: run as a program");
  assert.equal(isBinariesScript("/ws/binaries/hello", "plaintext", " "), false, "the dispatcher reads the first byte, not the first word");
  assert.equal(isBinariesScript("/ws/binaries/notes.txt", "plaintext", "#"), false, "has an extension");
  assert.equal(isBinariesScript("/ws/binaries/tool.uelf", "plaintext", "#"), false);
  assert.equal(isBinariesScript("/ws/bin/hello", "plaintext", "#"), false, "not under binaries/");
  assert.equal(isBinariesScript("/ws/mybinaries/hello", "plaintext", "#"), false);
  assert.equal(isBinariesScript("/ws/hello/binaries", "plaintext", "#"), false, "binaries is the file itself");
  assert.equal(isBinariesScript("/ws/binaries/hello", "shellscript", "#"), false, "the user or another extension chose a language");
  assert.equal(isBinariesScript("/ws/binaries/hello", "eyn", "#"), false, "already EYN");
  assert.equal(isBinariesScript("hello", "plaintext", "#"), false);
});
