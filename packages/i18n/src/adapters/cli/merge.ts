import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFindingsInParts, toSarif, type OutputFormat } from '../../check/report/format.js';
import { jsonParts } from '../../check/report/json-parts.js';
import { mergeShards, type Shard, type ShardResult } from '../../check/shard.js';
import { loadConfig } from '../../files/config.js';
import { buildProject } from '../../files/project.js';
import { ConfigError } from '../../model/errors.js';
import { SEVERITIES, type Finding } from '../../model/finding.js';
import { commandName, configOptions, exitAfter, useColor, type GlobalOptions } from './shared.js';

/**
 * `bilateral merge <reports…>`: the reports of `bilateral check --shard k/n` (JSON or SARIF, one
 * per shard) combined into the report an unsharded `bilateral check` gives — same findings, same
 * order, the project-wide checks (lock files, `$t(…)` cycles) made here over every shard — and its
 * exit code: 1 when there is an error.
 */

/** What a shard's JSON report holds (and a shard's SARIF report, in its run's properties). */
interface ShardData {
  readonly bilateral: 'check shard';
  readonly shard: string;
  readonly rules?: readonly string[];
  readonly namespaces: readonly string[];
  readonly findings: readonly Finding[];
  readonly collected: ShardResult['collected'];
}

const SARIF_KEY = 'bilateralShard';

/** The report of one shard, in `json` or `sarif`. */
export function shardReport(
  result: ShardResult,
  format: 'json' | 'sarif',
  root: string,
): Iterable<string> {
  const data: ShardData = {
    bilateral: 'check shard',
    shard: `${result.shard.index}/${result.shard.count}`,
    ...(result.rules === undefined ? {} : { rules: result.rules }),
    namespaces: result.namespaces,
    findings: result.findings,
    collected: result.collected,
  };
  if (format === 'json') return jsonParts(data);
  // SARIF as `check` writes it (code scanning can take each shard's), with the data to merge.
  const sarif = toSarif(result.findings, { color: false, root });
  const run = sarif.runs[0];
  if (run !== undefined) run.properties = { ...run.properties, [SARIF_KEY]: data };
  return jsonParts(sarif);
}

export interface MergeCommandOptions {
  readonly format: OutputFormat;
}

export async function mergeCommand(
  files: readonly string[],
  opts: MergeCommandOptions,
  g: GlobalOptions,
): Promise<number> {
  const config = await loadConfig(configOptions(g));
  const shards = files.map(readShard);
  const findings = mergeShards(config, shards);
  return exitAfter(
    findings,
    formatFindingsInParts(findings, opts.format, {
      color: opts.format === 'pretty' && useColor(g),
      root: config.root,
      project: buildProject(config, undefined),
      commandName: commandName(),
    }),
  );
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);
const isStrings = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string');

/** One shard's report, from a file `check --shard` wrote (JSON or SARIF). */
function readShard(file: string): ShardResult {
  const name = path.relative(process.cwd(), file) || file;
  const bad = (why: string) =>
    new ConfigError(
      `${name}: ${why}; merge reads the reports of \`bilateral check --shard k/n --format json\` (or sarif)`,
    );
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw bad(`cannot read it as JSON (${(e as Error).message})`);
  }
  if (isObject(data) && Array.isArray(data['runs'])) {
    const run: unknown = data['runs'][0];
    data = isObject(run) && isObject(run['properties']) ? run['properties'][SARIF_KEY] : undefined;
  }
  if (!isObject(data) || data['bilateral'] !== 'check shard')
    throw bad('it is not the report of a shard');
  const shard = /^(\d+)\/(\d+)$/.exec(String(data['shard']));
  if (shard === null) throw bad('its "shard" is not k/n');
  const { namespaces, findings, collected, rules } = data;
  if (!isStrings(namespaces)) throw bad('its "namespaces" is not a list of names');
  if (rules !== undefined && !isStrings(rules)) throw bad('its "rules" is not a list of rule ids');
  if (!Array.isArray(findings) || !findings.every(isFinding))
    throw bad('its "findings" are not findings');
  if (
    !Array.isArray(collected) ||
    !collected.every(
      (c) => isObject(c) && typeof c['namespace'] === 'string' && Array.isArray(c['items']),
    )
  )
    throw bad('its "collected" is not what a shard collects');
  const s: Shard = { index: Number(shard[1]), count: Number(shard[2]) };
  return {
    shard: s,
    ...(rules === undefined ? {} : { rules }),
    namespaces,
    findings,
    collected: collected as ShardResult['collected'],
  };
}

function isFinding(f: unknown): f is Finding {
  if (!isObject(f)) return false;
  const text = ['rule', 'locale', 'file', 'key', 'message', 'hint'];
  return (
    text.every((k) => typeof f[k] === 'string') &&
    SEVERITIES.includes(f['severity'] as Finding['severity']) &&
    Number.isInteger(f['line']) &&
    Number.isInteger(f['column'])
  );
}
