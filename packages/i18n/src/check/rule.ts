import type { Severity } from '../model/finding.js';
import type { NamespaceContext, ProjectContext } from './context.js';

/**
 * A rule: a self-describing module. Its metadata says what it checks and how loud it is by
 * default; its passes find the problems.
 *
 * - `namespace(ctx)` runs once per namespace, over that namespace's files in every locale (and
 *   whatever else it reads through `ctx`, which the check cache records as a dependency). Its
 *   findings are cached with the namespace: an unchanged namespace is not checked again.
 * - `project(ctx, collected)`, if any, runs once per check, after every namespace: for what
 *   belongs to no namespace (lock files) or needs all of them (`$t(…)` cycles across namespaces).
 *   `collected` is what the namespace passes handed over with `ctx.collect(item)` (items are
 *   cached with their namespace, so they must be plain JSON data).
 *
 * Rules never throw on any input, and keep no state of their own between runs: what a run
 * computes once and shares lives in the run's state (`ctx.scan`, `ctx.memo`).
 */
export interface Rule<Item = never> {
  readonly meta: RuleMeta;
  namespace?(ctx: NamespaceContext<Item>): void;
  project?(ctx: ProjectContext, collected: readonly Item[]): void;
}

export interface RuleMeta {
  /**
   * The id used in the config (`rules`, `exemptions`), on the command line (`--rule`) and in
   * findings. Built-in rules have plain ids (`placeholders`); a project's own rules are named
   * `<namespace>/<name>` (`local/no-exclamation`), so that they never clash with built-in ones.
   */
  readonly id: string;
  /** Severity by default (the config may change it). */
  readonly severity: Severity;
  /** Runs only when the project has a core. */
  readonly needsCore: boolean;
  /** What it checks, in one sentence (the CLI's help, SARIF, the docs). */
  readonly description: string;
  /** Options it takes from its `rules.<id>` object in the config. */
  readonly options?: Readonly<Record<string, RuleOption>>;
}

export interface RuleOption {
  /** JSON type of the value. */
  readonly type: 'boolean' | 'number' | 'string' | 'string[]' | 'object';
  readonly description: string;
}

/** Defines a rule (an identity function that gives the passes their types). */
export function defineRule<Item = never>(rule: Rule<Item>): Rule<Item> {
  return rule;
}

/** A rule of any kind, as the engine holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine hands each rule its own items
export type AnyRule = Rule<any>;
