import type { ChatCompletionChunk, FinishReason, Usage } from '@switchboard/shared/openai';
import type { AdapterResult, StreamPart } from '../contract.js';
import { nowSeconds } from '../upstream-http.js';

type Delta = ChatCompletionChunk['choices'][number]['delta'];

/**
 * Builds OpenAI chat.completion.chunk events for one stream and keeps what the pipeline asks
 * for afterwards: the text produced so far (for token counting) and the upstream usage.
 * The first content-bearing chunk carries `role: "assistant"`, as OpenAI's do.
 */
export class ChunkBuilder {
  private text = '';
  private roleSent = false;
  private usageValue: Usage | null = null;
  readonly created = nowSeconds();

  /**
   * @param usageNulls the client set `stream_options.include_usage`: OpenAI then puts
   *   `usage: null` on every chunk before the final usage chunk.
   */
  constructor(
    private readonly id: string,
    private readonly model: string,
    private readonly usageNulls = false,
  ) {}

  /** A content delta; null when there is nothing to send. */
  content(text: string | null | undefined): StreamPart | null {
    if (!text) return null;
    this.text += text;
    return this.delta({ content: text }, null);
  }

  reasoning(text: string | null | undefined): StreamPart | null {
    if (!text) return null;
    return this.delta({ reasoning_content: text }, null);
  }

  toolCalls(calls: NonNullable<Delta['tool_calls']>): StreamPart | null {
    if (calls.length === 0) return null;
    for (const c of calls) this.text += (c.function?.name ?? '') + (c.function?.arguments ?? '');
    return this.delta({ tool_calls: calls }, null);
  }

  finish(reason: FinishReason): StreamPart {
    return this.delta({}, reason);
  }

  /** The final usage chunk (`choices: []`), as OpenAI sends with `include_usage`. */
  usageChunk(): StreamPart | null {
    if (!this.usageValue) return null;
    return part({
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [],
      usage: this.usageValue,
    });
  }

  /**
   * The end of a complete stream: the finish chunk, the usage chunk when the client asked for
   * it, and `[DONE]` (the deliverer writes parts as they are, so the terminator is ours).
   */
  *closing(reason: FinishReason, clientWantsUsage: boolean): Generator<StreamPart> {
    yield this.finish(reason);
    if (clientWantsUsage) {
      const u = this.usageChunk();
      if (u) yield u;
    }
    yield { data: '[DONE]' };
  }

  setUsage(usage: Usage | null): void {
    if (usage) this.usageValue = usage;
  }

  usage(): Usage | null {
    return this.usageValue;
  }

  completionText(): string {
    return this.text;
  }

  private delta(delta: Delta, finish: FinishReason | null): StreamPart {
    const d: Delta = this.roleSent ? delta : { role: 'assistant', ...delta };
    this.roleSent = true;
    return part({
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta: d, finish_reason: finish }],
      ...(this.usageNulls ? { usage: null } : {}),
    });
  }
}

function part(chunk: ChatCompletionChunk): StreamPart {
  return { data: JSON.stringify(chunk) };
}

/** Wraps a generator of parts and its builder into the pipeline's stream result. */
export function streamResult(parts: AsyncIterable<StreamPart>, builder: ChunkBuilder): AdapterResult {
  return {
    kind: 'stream',
    parts,
    usage: () => builder.usage(),
    completionText: () => builder.completionText(),
  };
}

/** Usage from prompt/completion counts; total computed when the upstream leaves it out. */
export function usageOf(
  prompt: unknown,
  completion: unknown,
  total?: unknown,
  cached?: unknown,
): Usage | null {
  if (typeof prompt !== 'number' && typeof completion !== 'number') return null;
  const p = typeof prompt === 'number' ? prompt : 0;
  const c = typeof completion === 'number' ? completion : 0;
  const usage: Usage = {
    prompt_tokens: p,
    completion_tokens: c,
    total_tokens: typeof total === 'number' ? total : p + c,
  };
  if (typeof cached === 'number' && cached > 0) usage.prompt_tokens_details = { cached_tokens: cached };
  return usage;
}
