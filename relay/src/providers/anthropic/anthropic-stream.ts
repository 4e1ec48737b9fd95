import type { ChatCompletionChunk, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds } from '../upstream-http.js';
import { anthropicStreamError } from './anthropic-error.js';
import {
  type AnthropicUsageCounts,
  mapAnthropicStopReason,
  readAnthropicUsage,
  toOpenAIUsage,
} from './anthropic-response.js';

type Delta = ChatCompletionChunk['choices'][number]['delta'];

/**
 * Anthropic's Messages SSE sequence (message_start, content_block_start/delta/stop, message_delta,
 * message_stop, ping, error) → OpenAI chat.completion.chunk objects, one event at a time:
 * each call returns the chunks that event produces, so nothing waits for the end.
 */
export class AnthropicStreamConverter {
  private id = '';
  private model: string;
  private readonly created = nowSeconds();
  private readonly counts: AnthropicUsageCounts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  private sawUsage = false;
  /** Anthropic content-block index → OpenAI tool_calls index. */
  private readonly toolIndex = new Map<number, number>();
  private finish: FinishReason | null = null;
  private text = '';
  done = false;

  constructor(
    fallbackModel: string,
    private readonly wantsUsage: boolean,
    private readonly key: string,
  ) {
    this.model = fallbackModel;
  }

  usage(): Usage | null {
    return this.sawUsage ? toOpenAIUsage(this.counts) : null;
  }

  completionText(): string {
    return this.text;
  }

  /** One upstream event (its `event:` name and parsed `data:`) → chunks to emit. */
  accept(event: string | null, data: unknown): ChatCompletionChunk[] {
    if (!isRecord(data)) return [];
    const type = typeof data.type === 'string' ? data.type : event;
    switch (type) {
      case 'message_start': {
        const msg = isRecord(data.message) ? data.message : {};
        if (typeof msg.id === 'string') this.id = msg.id;
        if (typeof msg.model === 'string') this.model = msg.model;
        if (isRecord(msg.usage)) {
          readAnthropicUsage(msg.usage, this.counts);
          this.sawUsage = true;
        }
        return [this.chunk({ role: 'assistant', content: '' })];
      }
      case 'content_block_start': {
        const block = isRecord(data.content_block) ? data.content_block : {};
        if (block.type === 'tool_use') {
          const index = this.toolIndex.size;
          this.toolIndex.set(Number(data.index), index);
          return [
            this.chunk({
              tool_calls: [
                {
                  index,
                  id: String(block.id ?? ''),
                  type: 'function',
                  function: { name: String(block.name ?? ''), arguments: '' },
                },
              ],
            }),
          ];
        }
        if (block.type === 'text' && typeof block.text === 'string' && block.text)
          return [this.content(block.text)];
        return [];
      }
      case 'content_block_delta': {
        const delta = isRecord(data.delta) ? data.delta : {};
        if (delta.type === 'text_delta' && typeof delta.text === 'string') return [this.content(delta.text)];
        if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string')
          return [this.chunk({ reasoning_content: delta.thinking })];
        if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
          const index = this.toolIndex.get(Number(data.index));
          if (index === undefined || delta.partial_json === '') return [];
          this.text += delta.partial_json;
          return [this.chunk({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] })];
        }
        return [];
      }
      case 'message_delta': {
        if (isRecord(data.usage)) {
          readAnthropicUsage(data.usage, this.counts);
          this.sawUsage = true;
        }
        const delta = isRecord(data.delta) ? data.delta : {};
        this.finish = mapAnthropicStopReason(delta.stop_reason) ?? this.finish;
        return this.finish ? [this.chunk({}, this.finish)] : [];
      }
      case 'message_stop': {
        this.done = true;
        const out: ChatCompletionChunk[] = [];
        if (!this.finish) out.push(this.chunk({}, 'stop'));
        const usage = this.usage();
        if (this.wantsUsage && usage) out.push({ ...this.chunk({}), choices: [], usage });
        return out;
      }
      case 'error':
        throw anthropicStreamError(data, this.key);
      default:
        // ping, content_block_stop and any event type added later.
        return [];
    }
  }

  private content(text: string): ChatCompletionChunk {
    this.text += text;
    return this.chunk({ content: text });
  }

  private chunk(delta: Delta, finish: FinishReason | null = null): ChatCompletionChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      // With include_usage, OpenAI puts `usage: null` on every chunk but the last.
      ...(this.wantsUsage ? { usage: null } : {}),
    };
  }
}
