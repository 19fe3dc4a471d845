/**
 * Every error the toolkit throws on purpose, in one place. Each class carries the exit code a
 * command ends with when it escapes (`exitCode`): 2 for a usage or configuration mistake, 1 when
 * the work could not be done (a refused or failed write, a failed build). Anything else that
 * escapes is a bug in the toolkit (exit 3, stack only with BILATERAL_DEBUG). None of these is
 * printed with a stack trace: the message says what happened and what to do.
 *
 * Errors cross worker threads as plain data ({@link serializeError}) and are rebuilt with their
 * class ({@link deserializeError}), so a configuration mistake found on a worker is still one.
 */

/** The base of the toolkit's deliberate errors: a message for a person, and an exit code. */
export abstract class BilateralError extends Error {
  abstract readonly exitCode: 1 | 2;
  /** Eleventy prints such an error's message without the stack. */
  readonly skipOriginalStack = true;
}

/** A user mistake in configuration or usage: the CLI prints the message (no stack) and exits 2. */
export class ConfigError extends BilateralError {
  override readonly name: string = 'ConfigError';
  readonly exitCode = 2 as const;
}

/** Another program changed the file since the command read it; nothing was written over it. */
export class ConcurrentChangeError extends BilateralError {
  override readonly name: string = 'ConcurrentChangeError';
  readonly exitCode = 1 as const;
  constructor(
    message: string,
    /** The files that changed, relative to the project root. */
    readonly files: readonly string[],
  ) {
    super(message);
  }
}

/** A file changed on disk while `sync` ran; nothing was written over it (run sync again). */
export class SyncConflictError extends ConcurrentChangeError {
  override readonly name = 'SyncConflictError';
}

/** A file could not be written (disk full, read-only, no permission…); it was left as it was. */
export class WriteError extends BilateralError {
  override readonly name = 'WriteError';
  readonly exitCode = 1 as const;
  constructor(
    message: string,
    /** The file, relative to the project root. */
    readonly file: string,
    /** The system error code, e.g. `ENOSPC`, or `READONLY` for a file without write permission. */
    readonly code: string,
    /** Files written completely before this one failed (relative paths). */
    readonly written: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The translations have errors a production build refuses; the message lists them. */
export class TranslationCheckError extends BilateralError {
  override readonly name = 'TranslationCheckError';
  readonly exitCode = 1 as const;
}

/**
 * A project loaded without its core (to be checked from the cache alone) has a namespace that
 * must be checked again: the caller loads the core and runs again. Internal to a check session;
 * never reaches a user.
 */
export class CoreNeeded extends Error {
  override readonly name = 'CoreNeeded';
  constructor(readonly namespace: string) {
    super(`checking "${namespace}" needs the core, which this project was loaded without`);
  }
}

/** An error as plain data, to cross a worker thread. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly files?: readonly string[];
  readonly file?: string;
  readonly code?: string;
  readonly written?: readonly string[];
  readonly namespace?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const o = e as Error & Partial<Omit<SerializedError, 'name' | 'message' | 'stack'>>;
  return {
    name: e.name,
    message: e.message,
    ...(e.stack === undefined ? {} : { stack: e.stack }),
    ...(o.files === undefined ? {} : { files: [...o.files] }),
    ...(o.file === undefined ? {} : { file: o.file }),
    ...(o.code === undefined ? {} : { code: o.code }),
    ...(o.written === undefined ? {} : { written: [...o.written] }),
    ...(o.namespace === undefined ? {} : { namespace: o.namespace }),
  };
}

/** Rebuilds an error with its class; an unknown one (a bug) keeps its name and stack. */
export function deserializeError(s: SerializedError): Error {
  switch (s.name) {
    case 'ConfigError':
      return new ConfigError(s.message);
    case 'ConcurrentChangeError':
      return new ConcurrentChangeError(s.message, s.files ?? []);
    case 'SyncConflictError':
      return new SyncConflictError(s.message, s.files ?? []);
    case 'WriteError':
      return new WriteError(s.message, s.file ?? '', s.code ?? '', s.written ?? []);
    case 'TranslationCheckError':
      return new TranslationCheckError(s.message);
    case 'CoreNeeded':
      return new CoreNeeded(s.namespace ?? '');
    default: {
      const e = new Error(s.message);
      e.name = s.name;
      if (s.stack !== undefined) e.stack = s.stack;
      return e;
    }
  }
}

/** The exit code for an error that escaped a command: its own, or 3 for a bug. */
export function exitCodeOf(e: unknown): 1 | 2 | 3 {
  return e instanceof BilateralError ? e.exitCode : 3;
}
