#!/usr/bin/env node
/**
 * Adds lockfile entries for platform-specific optional packages that the registry reachable here
 * does not serve (e.g. @duckdb/node-bindings-darwin-arm64, @biomejs/cli-win32-x64). `npm install`
 * skips them silently, but `npm ci` then refuses the lockfile ("Missing: … from lock file").
 * Each added entry carries the os/cpu/libc read from the package name, so npm ci on this platform
 * skips it without fetching. Run after changing dependencies: `node scripts/complete-lockfile.mjs`.
 * See docs/decisions/2026-11-22-lockfile-platform-packages.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPUS = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
const added = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${location}/node_modules/${name}`]) continue;
    const tokens = name.split('/').pop().split('-');
    const os = tokens.find((token) => OSES.includes(token));
    const cpu = tokens.find((token) => CPUS.includes(token));
    if (!os || !cpu) continue; // not a platform package: leave npm's verdict alone
    packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(tokens.includes('musl') ? { libc: ['musl'] } : os === 'linux' ? { libc: ['glibc'] } : {}),
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lockfile complete');
