/** One base class; subclasses only where a caller branches on them. */
export class AffectlensError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AffectlensError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** A user mistake (bad option, unreadable path, unknown format): printed without a stack. */
export class ConfigError extends AffectlensError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('config', message, options);
    this.name = 'ConfigError';
  }
}

/** Exit statuses shared by every command. */
export const EXIT = {
  ok: 0,
  internalError: 1,
  usageError: 2,
  /** Finished, but some input was skipped or quarantined. */
  partial: 3,
  /** Nothing usable was found in the input. */
  nothingUsable: 4,
} as const;
