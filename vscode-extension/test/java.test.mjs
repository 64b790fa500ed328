import { test } from "node:test";
import assert from "node:assert/strict";
import { cdsArchiveName, cdsDumpArguments, DAP_JVM_OPTIONS, findJava, JVM_OPTIONS, jvmOptions, LSP_JVM_OPTIONS, majorVersion } from "./lib/java.mjs";

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

test("the JVM options: a deliberate heap, the desktop flags, and the archive only when there is one", () => {
  assert.deepEqual(jvmOptions(), [...JVM_OPTIONS]);
  assert.ok(JVM_OPTIONS.includes("-Xmx2g"));
  const withArchive = jvmOptions("/store/eyn.jsa");
  assert.deepEqual(withArchive.slice(0, JVM_OPTIONS.length), [...JVM_OPTIONS]);
  assert.ok(withArchive.includes("-XX:SharedArchiveFile=/store/eyn.jsa"));
  assert.ok(withArchive.includes("-Xshare:auto"), "a JVM that cannot use the archive goes on without it");
  // the JVM's own warnings go to stdout by default, where the language server speaks LSP
  assert.ok(withArchive.includes("-Xlog:disable") && withArchive.includes("-Xlog:all=warning:stderr"));
  assert.ok(withArchive.indexOf("-Xlog:disable") < withArchive.indexOf("-Xlog:all=warning:stderr"));
});

test("the language server and the debug adapter get their own JIT options, before the archive's options", () => {
  for (const command of ["run", "check", undefined]) {
    assert.deepEqual(jvmOptions(undefined, command), [...JVM_OPTIONS], `${command} keeps the JVM's own JIT`);
  }
  assert.deepEqual(jvmOptions(undefined, "lsp"), [...JVM_OPTIONS, ...LSP_JVM_OPTIONS]);
  assert.ok(LSP_JVM_OPTIONS.includes("-XX:TieredStopAtLevel=1"));
  assert.deepEqual(jvmOptions(undefined, "dap"), [...JVM_OPTIONS, ...DAP_JVM_OPTIONS]);
  assert.ok(DAP_JVM_OPTIONS.some((o) => o.startsWith("-XX:Tier3InvocationThreshold=")));
  assert.ok(!DAP_JVM_OPTIONS.includes("-XX:TieredStopAtLevel=1"), "the debug adapter keeps C2 (its loops run for seconds)");
  // a JVM that drops a JIT flag must still start the server and the debugger
  assert.equal(DAP_JVM_OPTIONS[0], "-XX:+IgnoreUnrecognizedVMOptions");
  assert.equal(LSP_JVM_OPTIONS[0], "-XX:+IgnoreUnrecognizedVMOptions");
  for (const command of ["lsp", "dap"]) {
    const own = command === "lsp" ? LSP_JVM_OPTIONS : DAP_JVM_OPTIONS;
    const withArchive = jvmOptions("/store/eyn.jsa", command);
    assert.deepEqual(withArchive.slice(0, JVM_OPTIONS.length + own.length), [...JVM_OPTIONS, ...own]);
    assert.ok(withArchive.includes("-XX:SharedArchiveFile=/store/eyn.jsa"));
  }
});

test("the archive's name changes with the Java and the jar it was made for", () => {
  const java = { path: "/usr/lib/jvm/17/bin/java", version: 17, mtimeMs: 1000 };
  const jar = { path: "/ext/server/eyn.jar", size: 2560904, mtimeMs: 2000.7 };
  const name = cdsArchiveName(java, jar);
  assert.match(name, /^eyn-java17-[0-9a-f]{16}\.jsa$/);
  assert.equal(cdsArchiveName({ ...java }, { ...jar, mtimeMs: 2000.2 }), name, "sub-millisecond times do not count");
  const others = [
    cdsArchiveName({ ...java, path: "/opt/jdk17/bin/java" }, jar),
    cdsArchiveName({ ...java, mtimeMs: 1001 }, jar),
    cdsArchiveName({ ...java, version: 21 }, jar),
    cdsArchiveName(java, { ...jar, size: 2560905 }),
    cdsArchiveName(java, { ...jar, mtimeMs: 3000 }),
    cdsArchiveName(java, { ...jar, path: "/ext2/server/eyn.jar" }),
  ];
  assert.equal(new Set([name, ...others]).size, 7);
});

test("the archive is dumped from the shipped class list for the jar at the path it runs from", () => {
  const args = cdsDumpArguments("/ext/server/eyn.classlist", "/store/a.jsa.1.tmp", "/ext/server/eyn.jar");
  assert.equal(args[0], "-Xshare:dump");
  assert.ok(args.includes("-XX:SharedClassListFile=/ext/server/eyn.classlist"));
  assert.ok(args.includes("-XX:SharedArchiveFile=/store/a.jsa.1.tmp"));
  assert.deepEqual(args.slice(-2), ["-cp", "/ext/server/eyn.jar"]);
});
