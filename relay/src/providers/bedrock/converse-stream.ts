import type { ChatCompletionChunk, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds, parseJson } from '../upstream-http.js';
import { bedrockError, bedrockErrorType } from './bedrock-error.js';
import { mapConverseStopReason, toOpenAIUsage } from './converse-response.js';
import type { EventStreamMessage } from './event-stream-decoder.js';

type Delta = ChatCompletionChunk['choices'][number]['delta'];

const EXCEPTION_STATUS: Record<string, number> = {
  ThrottlingException: 429,
  ValidationException: 400,
  ServiceUnavailableException: 503,
  ModelTimeoutException: 408,
  ModelStreamErrorException: 424,
  InternalServerException: 500,
};

/**
 * ConverseStream events (messageStart, contentBlockStart/Delta/Stop, messageStop, metadata,
 * or an exception message) → OpenAI chat.completion.chunk objects, one event at a time.
 * Bedrock sends the stop reason (messageStop) before the usage (metadata), so the finish chunk
 * goes out at messageStop and the usage chunk, when asked for, at metadata.
 */
export class ConverseStreamConverter {
  private readonly created = nowSeconds();
  private readonly toolIndex = new Map<number, number>();
  private usageValue: Usage | null = null;
  private text = '';
  stopped = false;
  finished = false;

  constructor(
    private readonly id: string,
    private readonly model: string,
    private readonly wantsUsage: boolean,
    private readonly key: string,
  ) {}

  usage(): Usage | null {
    return this.usageValue;
  }

  completionText(): string {
    return this.text;
  }

  accept(msg: EventStreamMessage): ChatCompletionChunk[] {
    const kind = msg.headers[':message-type'];
    const payloadText = msg.payload.toString('utf8');
    if (kind === 'exception' || kind === 'error') {
      const type = bedrockErrorType(
        String(msg.headers[':exception-type'] ?? msg.headers[':error-code'] ?? ''),
        undefined,
      );
      throw bedrockError(EXCEPTION_STATUS[type] ?? 500, type, payloadText, this.key);
    }
    const data = parseJson(payloadText);
    if (!isRecord(data)) return [];
    switch (msg.headers[':event-type']) {
      case 'messageStart':
        return [this.chunk({ role: 'assistant', content: '' })];
      case 'contentBlockStart': {
        const start = isRecord(data.start) ? data.start : {};
        if (!isRecord(start.toolUse)) return [];
        const index = this.toolIndex.size;
        this.toolIndex.set(Number(data.contentBlockIndex), index);
        const name = String(start.toolUse.name ?? '');
        this.text += name;
        return [
          this.chunk({
            tool_calls: [
              {
                index,
                id: String(start.toolUse.toolUseId ?? ''),
                type: 'function',
                function: { name, arguments: '' },
              },
            ],
          }),
        ];
      }
      case 'contentBlockDelta': {
        const delta = isRecord(data.delta) ? data.delta : {};
        if (typeof delta.text === 'string' && delta.text) {
          this.text += delta.text;
          return [this.chunk({ content: delta.text })];
        }
        if (isRecord(delta.toolUse) && typeof delta.toolUse.input === 'string' && delta.toolUse.input) {
          const index = this.toolIndex.get(Number(data.contentBlockIndex));
          if (index === undefined) return [];
          this.text += delta.toolUse.input;
          return [this.chunk({ tool_calls: [{ index, function: { arguments: delta.toolUse.input } }] })];
        }
        if (isRecord(delta.reasoningContent) && typeof delta.reasoningContent.text === 'string')
          return [this.chunk({ reasoning_content: delta.reasoningContent.text })];
        return [];
      }
      case 'messageStop': {
        this.stopped = true;
        return [this.chunk({}, mapConverseStopReason(data.stopReason) ?? 'stop')];
      }
      case 'metadata': {
        this.usageValue = toOpenAIUsage(data.usage) ?? this.usageValue;
        this.finished = true;
        if (this.wantsUsage && this.usageValue)
          return [{ ...this.chunk({}), choices: [], usage: this.usageValue }];
        return [];
      }
      default:
        // contentBlockStop and any event type added later.
        return [];
    }
  }

  private chunk(delta: Delta, finish: FinishReason | null = null): ChatCompletionChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      ...(this.wantsUsage ? { usage: null } : {}),
    };
  }
}
