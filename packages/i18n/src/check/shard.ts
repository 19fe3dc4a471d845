import { loadCorpus } from '../files/core.js';
import { buildProject } from '../files/project.js';
import { fileStamp } from '../files/read.js';
import { ConfigError } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { Project, ProjectConfig } from '../model/types.js';
import {
  checkNamespaces,
  combine,
  compareFindings,
  selectRules,
  type UnitResult,
} from './check.js';
import type { Collected } from './context.js';
import { defaultJobs, unitsInWorkers } from './threads/parallel.js';

/**
 * A check split over several machines (`bilateral check --shard k/n` in a CI matrix, then
 * `bilateral merge`). The namespaces are divided deterministically — every shard of a run,
 * on the same files, computes the same division — and balanced by bytes. A shard runs the
 * namespace passes of its own namespaces and reports their findings with what they collected
 * (the `$t(…)` nestings); the merge runs the project passes (lock files, nesting cycles and
 * depth) over everything collected, in project order, so that the merged report is exactly the
 * unsharded one, in its order.
 */

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** What one shard reports (the data `bilateral merge` reads back). */
export interface ShardResult {
  readonly shard: Shard;
  /** `--rule`: the rules the shard ran (every shard and the merge must run the same). */
  readonly rules?: readonly string[];
  /** Its namespaces, in project order. */
  readonly namespaces: readonly string[];
  /** The findings of their namespace passes, sorted. */
  readonly findings: readonly Finding[];
  /**
   * What those passes collected for the project passes (the `$t(…)` nestings), by namespace
   * (those that collected anything).
   */
  readonly collected: readonly {
    readonly namespace: string;
    readonly items: readonly Collected[];
  }[];
}

/** Parses `k/n` (1 ≤ k ≤ n ≤ 1000). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || index < 1 || count < 1 || index > count || count > 1000)
    throw new ConfigError(
      `--shard "${text}": write k/n, shard k of n (1 ≤ k ≤ n ≤ 1000), e.g. --shard 2/4`,
    );
  return { index, count };
}

/**
 * The namespaces of one shard, in project order: the largest namespaces (by the bytes of their
 * files) first, each to the shard with the fewest bytes so far (ties: by name, then the lowest
 * shard). Deterministic: it depends only on the namespaces and the sizes of their files.
 */
export function shardNamespaces(project: Project, shard: Shard): string[] {
  const bytes = new Map<string, number>(project.namespaces.map((ns) => [ns, 0]));
  for (const f of project.files) {
    const size = fileStamp(f.path)?.size ?? f.bytes.length;
    bytes.set(f.namespace, (bytes.get(f.namespace) ?? 0) + size);
  }
  const order = [...project.namespaces].sort(
    (a, b) => (bytes.get(b) ?? 0) - (bytes.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const load = Array.from({ length: shard.count }, () => 0);
  const mine = new Set<string>();
  for (const ns of order) {
    let best = 0;
    for (let i = 1; i < load.length; i++)
      if ((load[i] as number) < (load[best] as number)) best = i;
    load[best] = (load[best] as number) + (bytes.get(ns) ?? 0);
    if (best === shard.index - 1) mine.add(ns);
  }
  return project.namespaces.filter((ns) => mine.has(ns));
}

/** Checks one shard: the namespace passes of its namespaces (on `jobs` threads, default by size). */
export async function checkShard(
  config: ProjectConfig,
  shard: Shard,
  options: { readonly rules?: readonly string[]; readonly jobs?: number } = {},
): Promise<ShardResult> {
  const bare = buildProject(config, undefined);
  const namespaces = shardNamespaces(bare, shard);
  const mine = new Set(namespaces);
  const jobs = options.jobs ?? defaultJobs(bare.files.filter((f) => mine.has(f.namespace)).length);
  const ruleOption = options.rules === undefined ? {} : { rules: options.rules };
  let units: readonly UnitResult[];
  if (jobs > 1) {
    // Each worker loads the core itself; this thread does not.
    units = await unitsInWorkers(bare, namespaces, { ...ruleOption, jobs, status: false });
  } else {
    const corpus = await loadCorpus(config);
    const project = buildProject(config, corpus);
    const rules = selectRules(config, options.rules, corpus !== undefined);
    units = checkNamespaces(project, namespaces, rules, ruleOption);
  }
  return {
    shard,
    ...ruleOption,
    namespaces,
    findings: units.flatMap((u) => u.findings).sort(compareFindings),
    collected: units.flatMap((u) =>
      u.edges.length === 0 ? [] : [{ namespace: u.namespace, items: u.edges }],
    ),
  };
}

/**
 * The report of an unsharded run from the reports of every shard: their findings, and those of
 * the project passes over all their nestings (in project order, as an unsharded run has them),
 * sorted. Throws a {@link ConfigError} when a shard is missing, repeated or ran other rules.
 */
export function mergeShards(config: ProjectConfig, shards: readonly ShardResult[]): Finding[] {
  const first = shards[0];
  if (first === undefined) throw new ConfigError('merge: no shard reports given');
  const n = first.shard.count;
  const rules = JSON.stringify(first.rules ?? null);
  const seen = new Set<number>();
  for (const s of shards) {
    if (s.shard.count !== n)
      throw new ConfigError(
        `merge: shard ${s.shard.index}/${s.shard.count} is not of the same run as ${first.shard.index}/${n}`,
      );
    if (seen.has(s.shard.index))
      throw new ConfigError(`merge: shard ${s.shard.index}/${n} is given twice`);
    seen.add(s.shard.index);
    if (JSON.stringify(s.rules ?? null) !== rules)
      throw new ConfigError(
        `merge: shard ${s.shard.index}/${n} ran other rules (${s.rules?.join(', ') ?? 'all'}) than shard ${first.shard.index}/${n} (${first.rules?.join(', ') ?? 'all'})`,
      );
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new ConfigError(
      `merge: the report of shard ${missing.map((i) => `${i}/${n}`).join(', ')} is missing; every shard's report is needed`,
    );
  // The project passes need no core; the files are read only for the positions of findings.
  const project = buildProject(config, undefined);
  const selected = selectRules(config, first.rules, config.core !== undefined);
  // In project order, as an unsharded run collects them (the project passes see them in order).
  const byNs = new Map<string, readonly Collected[]>();
  for (const s of shards) for (const c of s.collected) byNs.set(c.namespace, c.items);
  const units: UnitResult[] = [
    { namespace: '', findings: shards.flatMap((s) => s.findings), edges: [] },
    ...project.namespaces.map((ns) => ({ namespace: ns, findings: [], edges: byNs.get(ns) ?? [] })),
  ];
  return combine(project, selected, units);
}
