import { test } from "node:test";
import assert from "node:assert/strict";
import { findJava, majorVersion } from "./lib/java.mjs";

function probe({ files = {}, env = {}, path = [] } = {}) {
  return {
    isExecutable: (p) => p in files,
    versionText: (p) => files[p],
    pathDirectories: () => path,
    env: (name) => env[name],
    platform: "linux",
  };
}

const j17 = 'openjdk version "17.0.15" 2025-04-15';
const j8 = 'java version "1.8.0_392"';
const j21 = 'openjdk version "21" 2023-09-19';

test("versions are read from java -version", () => {
  assert.equal(majorVersion(j17), 17);
  assert.equal(majorVersion(j8), 8);
  assert.equal(majorVersion(j21), 21);
  assert.equal(majorVersion("garbage"), undefined);
});

test("the setting wins over JAVA_HOME and PATH", () => {
  const found = findJava("/opt/jdk17", probe({
    files: { "/opt/jdk17/bin/java": j17, "/usr/lib/jvm/21/bin/java": j21, "/usr/bin/java": j21 },
    env: { JAVA_HOME: "/usr/lib/jvm/21" },
    path: ["/usr/bin"],
  }));
  assert.deepEqual(found, { executable: "/opt/jdk17/bin/java", version: 17, source: "setting" });
});

test("JAVA_HOME comes before PATH, and a too-old Java is skipped", () => {
  const found = findJava("", probe({
    files: { "/usr/lib/jvm/8/bin/java": j8, "/usr/bin/java": j21 },
    env: { JAVA_HOME: "/usr/lib/jvm/8/" },
    path: ["/nothing", "/usr/bin"],
  }));
  assert.deepEqual(found, { executable: "/usr/bin/java", version: 21, source: "PATH" });
});

test("no suitable Java gives one clear error naming the fix", () => {
  const found = findJava("/missing", probe({ files: { "/usr/bin/java": j8 }, path: ["/usr/bin"] }));
  assert.ok("error" in found);
  assert.match(found.error, /Java 17 or newer/);
  assert.match(found.error, /eyn\.java\.home/);
  assert.match(found.error, /setting: \/missing\/bin\/java does not exist/);
  assert.match(found.error, /is Java 8/);
});
