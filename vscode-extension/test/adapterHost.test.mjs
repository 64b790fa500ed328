import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { AdapterHost, hostMode } from "./lib/adapterHost.mjs";

// a stand-in for `eyn dap --listen SOCKET`: says it listens, counts its starts, ends when its stdin closes
const fakeHost = `
const socket = process.argv[process.argv.indexOf("--listen") + 1];
process.stderr.write("some warning first\\n");
process.stderr.write("eyn dap: listen" + "ing on " + socket + "\\n");
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;
const fake = { executable: process.execPath, args: ["-e", fakeHost, "--", "dap"] };

function waitFor(condition, ms = 5000) {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const poll = () => (condition() ? resolve() : Date.now() - start > ms ? reject(new Error("timed out")) : setTimeout(poll, 20));
    poll();
  });
}

test("the host runs by default, at the first F5 or never as set, and never on Windows", () => {
  assert.equal(hostMode(undefined, "linux"), "early");
  assert.equal(hostMode("nonsense", "darwin"), "early");
  assert.equal(hostMode("onDebug", "linux"), "onDebug");
  assert.equal(hostMode("off", "linux"), "off");
  assert.equal(hostMode("early", "win32"), "off");
});

test("the host's socket is known once it says it listens; one process serves every start; stop ends it and its folder", async () => {
  const lines = [];
  const host = new AdapterHost((l) => lines.push(l));
  const socket = await host.start(fake);
  assert.ok(socket && socket.endsWith("dap.sock"), String(socket));
  assert.ok(existsSync(dirname(socket)), "the private folder exists while the host runs");
  assert.deepEqual(lines.slice(0, 2), ["some warning first", `eyn dap: listening on ${socket}`]);
  assert.equal(await host.start(fake), socket, "a second session reuses the running host");
  assert.ok(host.running);
  host.stop();
  assert.equal(host.running, false);
  assert.equal(existsSync(dirname(socket)), false, "the folder is removed");
});

test("a host that ends before it listens gives no socket, says why, and the next start tries again", async () => {
  const lines = [];
  const host = new AdapterHost((l) => lines.push(l));
  const dying = { executable: process.execPath, args: ["-e", "process.stderr.write('no Java 17 here\\n'); process.exit(4)", "--", "dap"] };
  assert.equal(await host.start(dying), undefined);
  await waitFor(() => lines.some((l) => l.includes("ended (status 4)")));
  assert.ok(lines.includes("no Java 17 here"), lines.join("\n"));
  assert.equal(host.running, false);
  const socket = await host.start(fake);
  assert.ok(socket, "started again");
  host.stop();
});

test("a Java that cannot be run gives no socket and says so", async () => {
  const lines = [];
  const host = new AdapterHost((l) => lines.push(l));
  assert.equal(await host.start({ executable: "/nonexistent/java", args: ["dap"] }), undefined);
  assert.ok(lines.some((l) => l.startsWith("The debug adapter host did not start")), lines.join("\n"));
});
