import type { RuleContext } from '../context.js';

/** A check: reports through the context; never throws on any input. */
export interface Rule {
  readonly id: string;
  run(ctx: RuleContext): void;
}
