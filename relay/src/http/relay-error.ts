import { RELAY_ERRORS, type RelayErrorCode } from '@switchboard/shared/errors';
import type { OpenAIErrorBody } from '@switchboard/shared/openai';

/**
 * An error the relay answers with, as OpenAI's error object. The one place where relay error
 * codes become HTTP responses is {@link sendError} in http/respond.ts.
 */
export class RelayError extends Error {
  override name = 'RelayError';
  readonly status: number;
  readonly type: string;
  /** The request field the error is about (OpenAI's `param`), e.g. `model`. */
  param: string | null = null;
  constructor(
    readonly code: RelayErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    status?: number,
    type?: string,
  ) {
    super(message);
    this.status = status ?? RELAY_ERRORS[code].status;
    this.type = type ?? RELAY_ERRORS[code].type;
  }

  withParam(param: string): this {
    this.param = param;
    return this;
  }

  body(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}
