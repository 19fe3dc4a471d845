import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../model/errors.js';
import { SEVERITIES } from '../model/finding.js';
import type { ProjectConfig } from '../model/types.js';
import type { AnyRule, RuleMeta, RuleOption } from './rule.js';

/**
 * A project's own rules: the modules its config names in `plugins` (paths relative to the config
 * file, or package names), each exporting a rule or a list of rules as its default export. They
 * run and report exactly like the built-in rules.
 *
 * Modules are loaded with `require()`, which loads ES modules synchronously on the Node versions
 * this toolkit supports (20.19 and later): a check stays synchronous, and every thread that checks
 * loads the rules itself from the config. A rule module therefore cannot use top-level `await`.
 */

/** Ids of a project's own rules: `<namespace>/<name>`, e.g. `local/no-exclamation`. */
export const CUSTOM_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

const OPTION_TYPES: readonly RuleOption['type'][] = [
  'boolean',
  'number',
  'string',
  'string[]',
  'object',
];

/** The module each loaded rule came from (its config entry), for error messages. */
const origins = new WeakMap<AnyRule, string>();

/** The module a project's own rule was loaded from; undefined for a built-in rule. */
export const ruleOrigin = (rule: AnyRule): string | undefined => origins.get(rule);

/** A project's own rules, in the order its config names them. */
export function customRules(config: ProjectConfig): AnyRule[] {
  const specs = config.plugins ?? [];
  if (specs.length === 0) return [];
  const where = config.configFile ?? 'the configuration';
  const require = createRequire(path.join(config.root, 'bilateral.config.js'));
  const out: AnyRule[] = [];
  const ids = new Set<string>();
  specs.forEach((spec, i) => {
    const at = `${where}: plugins[${i}] (${spec})`;
    for (const rule of load(require, spec, at)) {
      if (ids.has(rule.meta.id))
        throw new ConfigError(`${at}: a rule "${rule.meta.id}" is already defined`);
      ids.add(rule.meta.id);
      origins.set(rule, spec);
      out.push(rule);
    }
  });
  return out;
}

function load(require: NodeJS.Require, spec: string, at: string): AnyRule[] {
  let mod: unknown;
  try {
    mod = require(spec);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ERR_REQUIRE_ASYNC_MODULE'
        ? 'it uses top-level await, which rule modules cannot'
        : (err.message ?? String(e)).split('\n')[0];
    throw new ConfigError(`${at}: cannot load the rule module: ${why}`);
  }
  const exported = mod !== null && typeof mod === 'object' && 'default' in mod ? mod.default : mod;
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0) throw new ConfigError(`${at}: the module exports no rule`);
  return list.map((r, n) => validate(r, list.length > 1 ? `${at}: rule ${n}` : at));
}

/** A rule from a module, checked: what the engine relies on is there and well formed. */
function validate(value: unknown, at: string): AnyRule {
  const fail = (why: string): never => {
    throw new ConfigError(
      `${at}: ${why}. A rule module's default export is a rule (or a list of rules): { meta: { id, severity, description, needsCore?, options? }, namespace(ctx) {…}, project?(ctx, collected) {…} }`,
    );
  };
  if (value === null || typeof value !== 'object') return fail('the export is not a rule');
  const rule = value as Partial<AnyRule>;
  const meta = rule.meta as Partial<RuleMeta> | undefined;
  if (meta === null || typeof meta !== 'object') return fail('the rule has no "meta"');
  if (typeof meta.id !== 'string' || !CUSTOM_ID.test(meta.id))
    fail(
      `"meta.id" must be "<namespace>/<name>" in lower case (e.g. "local/no-exclamation"), got ${JSON.stringify(meta.id)}`,
    );
  if (!SEVERITIES.includes(meta.severity as never))
    fail(`"meta.severity" must be one of ${SEVERITIES.join(', ')}`);
  if (typeof meta.description !== 'string' || meta.description.trim() === '')
    fail('"meta.description" must say in a sentence what the rule checks');
  if (meta.needsCore !== undefined && typeof meta.needsCore !== 'boolean')
    fail('"meta.needsCore" must be true or false');
  for (const [name, o] of Object.entries(meta.options ?? {})) {
    if (o === null || typeof o !== 'object' || !OPTION_TYPES.includes(o.type))
      fail(`"meta.options.${name}.type" must be one of ${OPTION_TYPES.join(', ')}`);
  }
  const { namespace, project } = rule;
  if (namespace !== undefined && typeof namespace !== 'function')
    fail('"namespace" must be a function');
  if (project !== undefined && typeof project !== 'function') fail('"project" must be a function');
  if (namespace === undefined && project === undefined)
    fail('the rule has neither a "namespace" nor a "project" pass');
  return {
    meta: {
      id: meta.id as string,
      severity: meta.severity as RuleMeta['severity'],
      needsCore: meta.needsCore ?? false,
      description: meta.description as string,
      ...(meta.options === undefined ? {} : { options: meta.options }),
    },
    ...(namespace === undefined ? {} : { namespace: namespace.bind(rule) }),
    ...(project === undefined ? {} : { project: project.bind(rule) }),
  };
}
