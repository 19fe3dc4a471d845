#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self and inclusive time per function.
 *   node bench/src/cpuprofile.mjs <file.cpuprofile | folder> [top=30]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A node of a V8 CPU profile.
 * @typedef {{ id: number, children?: number[], callFrame: { functionName: string, url: string, lineNumber: number } }} ProfileNode
 */
/** @typedef {{ fn: string, ms: number, pct: number }} Row */

/**
 * @param {string} file a .cpuprofile
 * @param {number} [top] rows to keep
 * @returns {{ totalMs: number, self: Row[], inclusive: Row[] }}
 */
export function summarise(file, top = 30) {
  /** @type {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} */
  const p = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} */
  const sampled = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const d = p.timeDeltas[i] ?? 0;
    sampled.set(id, (sampled.get(id) ?? 0) + d);
    total += d;
  });
  /** @param {ProfileNode | undefined} n */
  const key = (n) =>
    n === undefined
      ? '(unknown)'
      : `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const incl = new Map();
  for (const [id, t] of sampled) {
    const k = key(byId.get(id));
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set();
    for (let /** @type {number | undefined} */ cur = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = key(byId.get(cur));
      if (seen.has(kk)) continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + t);
    }
  }
  /** @param {Map<string, number>} m */
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => ({ fn: k, ms: t / 1000, pct: (100 * t) / total }));
  return { totalMs: total / 1000, self: rows(self), inclusive: rows(incl) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let file = process.argv[2] ?? '.';
  if (statSync(file).isDirectory())
    file = path.join(
      file,
      readdirSync(file)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort()
        .at(-1) ?? '',
    );
  const s = summarise(file, Number(process.argv[3] ?? 30));
  /** @param {Row} r */
  const line = (r) => `${r.ms.toFixed(0).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.fn}`;
  console.log(`${file}: ${s.totalMs.toFixed(0)} ms sampled\n-- self`);
  s.self.forEach((r) => console.log(line(r)));
  console.log('-- inclusive');
  s.inclusive.forEach((r) => console.log(line(r)));
}
