import { test } from "node:test";
import assert from "node:assert/strict";
import { chartPoints, hexRows, parseByte, parseHitRate, regionsFrom } from "./lib/machine.mjs";

test("heap blocks, fd windows and mappings become regions by address", () => {
  const regions = regionsFrom(
    [{ name: "0x0080000C", value: "64 bytes, used, magic ok, checksum ok", memoryReference: "0x00800000" },
     { name: "0x00800058", value: "8 bytes, used, magic bad, checksum ok", memoryReference: "0x0080004C" }],
    [{ name: "fd 0", value: "/data.txt (r, 24 bytes)", memoryReference: "0x10000000" }],
    [{ name: "0x01001000", value: "/data.txt (24 bytes, read-only)", memoryReference: "0x01001000" }],
  );
  assert.deepEqual(regions.map((r) => [r.kind, r.start, r.size, r.state]), [
    ["heap", 0x00800000, 76, "ok"], ["heap", 0x0080004c, 20, "bad"], ["mapping", 0x01001000, 24, ""], ["fd", 0x10000000, 24, ""],
  ]);
  assert.equal(regions[2].label, "mapping 0x01001000");
});

test("hex rows of 16 bytes, unreadable bytes as gaps", () => {
  const rows = hexRows(new Uint8Array([0x68, 0x69, 0x0a]), 0x01001000, 2);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].address, "0x01001000");
  assert.deepEqual(rows[0].bytes, ["68", "69", undefined]);
  assert.equal(rows[0].ascii, "hi ");
});

test("bytes typed in the hex view, and the hit rate", () => {
  assert.equal(parseByte("4F"), 0x4f);
  assert.equal(parseByte("0xff"), 255);
  assert.equal(parseByte("zz"), undefined);
  assert.equal(parseByte("100"), undefined);
  assert.equal(parseHitRate("87%"), 87);
  assert.equal(parseHitRate("n/a"), undefined);
});

test("the hit-rate chart grows with each stop", () => {
  assert.equal(chartPoints([], 100, 50), "");
  assert.equal(chartPoints([0, 100], 100, 50), "0.0,50.0 100.0,0.0");
  assert.equal(chartPoints([0, 50, 100], 100, 50).split(" ").length, 3);
});
