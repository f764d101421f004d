import fs from 'node:fs';
import path from 'node:path';

/**
 * Summarises a V8 .cpuprofile (as written by BENCH_CPU_PROFILE=1): self time by area (a package,
 * a server folder, the runtime) and the functions with the most self and total time.
 * Usage: npx tsx bench/probes/summarize-profile.ts <file.cpuprofile> [top]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/probes/summarize-profile.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);

function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/(server\/src\/[^/]+(?:\/[^/]+)?|bench|shared\/src)\//.exec(url);
  if (own?.[1]) return own[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  return path.basename(url);
}

function keyOf(n: ProfileNode): string {
  const f = n.callFrame;
  const where = f.url
    ? `${f.url.replace(/^.*?(node_modules\/|server\/src\/|shared\/src\/|bench\/)/, '$1')}:${f.lineNumber + 1}`
    : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
}

const selfByArea = new Map<string, number>();
const selfByFn = new Map<string, number>();
const totalByFn = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  if (!node) return;
  total += dt;
  const area = areaOf(node.callFrame.url, node.callFrame.functionName);
  selfByArea.set(area, (selfByArea.get(area) ?? 0) + dt);
  selfByFn.set(keyOf(node), (selfByFn.get(keyOf(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parentOf.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    const k = keyOf(n);
    if (seen.has(k)) continue;
    seen.add(k);
    totalByFn.set(k, (totalByFn.get(k) ?? 0) + dt);
  }
});

function print(title: string, map: Map<string, number>, limit: number): void {
  console.log(`\n${title}`);
  for (const [k, us] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
}

console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
print('Self time by area', selfByArea, top);
print('Self time by function', selfByFn, top);
print('Total (inclusive) time by function', totalByFn, top * 2);
