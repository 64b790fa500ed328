// Bundles the extension with esbuild; --tests also bundles the unit tests' subjects; --bundle-assets
// copies the server jar and the grammar in for packaging.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "fs";

const args = process.argv.slice(2);
await build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node18",
  sourcemap: true,
});
mkdirSync("syntaxes", { recursive: true });
copyFileSync("../grammars/eyn.tmLanguage.json", "syntaxes/eyn.tmLanguage.json");
if (args.includes("--tests")) {
  await build({
    entryPoints: ["src/java.ts", "src/config.ts", "src/profile.ts", "src/binaries.ts", "src/run.ts", "src/machine.ts", "src/adapterHost.ts"],
    outdir: "test-out/lib",
    format: "esm",
    platform: "node",
    target: "node18",
    outExtension: { ".js": ".mjs" },
  });
  mkdirSync("test-out", { recursive: true });
  for (const f of readdirSync("test").filter((n) => n.endsWith(".test.mjs"))) copyFileSync("test/" + f, "test-out/" + f);
}
if (args.includes("--bundle-assets")) {
  const jar = "../server/target/eyn.jar";
  if (!existsSync(jar)) throw new Error("build the server first: mvn -B -DskipTests install (or ./eyn --help)");
  mkdirSync("server", { recursive: true });
  copyFileSync(jar, "server/eyn.jar");
  // the class list the extension dumps a class-data sharing archive from, for the user's own Java (extension.ts)
  const classlist = "../server/target/eyn.classlist";
  if (existsSync(classlist)) copyFileSync(classlist, "server/eyn.classlist");
  else console.warn("no " + classlist + " (built with the jar unless -Deyn.cds.skip=true): the extension will start Java without an archive");
}
