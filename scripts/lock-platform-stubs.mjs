#!/usr/bin/env node
// `npm ci` refuses a lock that lacks the other platforms' optional binaries
// of biome and turbo, and `npm install` here cannot add them: the registry
// mirror these machines use serves only the Linux ones. This adds their
// entries (version, os, cpu), which npm skips on non-matching platforms.
// Run it after an `npm install` that rewrote package-lock.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./test-results.mjs";

const STUBS = {
  "@biomejs/biome": {
    "@biomejs/cli-android-arm64": ["android", "arm64"],
    "@biomejs/cli-android-x64": ["android", "x64"],
    "@biomejs/cli-darwin-arm64": ["darwin", "arm64"],
    "@biomejs/cli-darwin-x64": ["darwin", "x64"],
    "@biomejs/cli-linux-arm64-musl": ["linux", "arm64", "musl"],
    "@biomejs/cli-linux-x64-musl": ["linux", "x64", "musl"],
    "@biomejs/cli-win32-arm64": ["win32", "arm64"],
    "@biomejs/cli-win32-x64": ["win32", "x64"],
  },
  turbo: {
    "@turbo/darwin-64": ["darwin", "x64"],
    "@turbo/darwin-arm64": ["darwin", "arm64"],
    "@turbo/windows-64": ["win32", "x64"],
    "@turbo/windows-arm64": ["win32", "arm64"],
  },
};

const path = join(root, "package-lock.json");
const lock = JSON.parse(readFileSync(path, "utf8"));
let added = 0;
for (const [parentName, stubs] of Object.entries(STUBS)) {
  const parent = lock.packages[`node_modules/${parentName}`];
  if (!parent) continue;
  for (const [name, [os, cpu, libc]] of Object.entries(stubs)) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || !parent.optionalDependencies?.[name]) continue;
    const entry = {
      version: parent.version,
      cpu: [cpu],
      dev: true,
      license: parent.license,
      optional: true,
      os: [os],
    };
    if (libc) entry.libc = [libc];
    lock.packages[key] = entry;
    added += 1;
  }
}
const [first, ...rest] = Object.keys(lock.packages);
const sorted = [first, ...rest.sort((a, b) => a.localeCompare(b, "en"))];
lock.packages = Object.fromEntries(sorted.map((key) => [key, lock.packages[key]]));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: ${added} entries added.`);
