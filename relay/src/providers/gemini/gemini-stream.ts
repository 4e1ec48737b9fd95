import { randomBytes } from 'node:crypto';
import type { ChatCompletionChunk, FinishReason, Usage } from '@switchboard/shared/openai';
import { isRecord, nowSeconds } from '../upstream-http.js';
import { geminiErrorFrom } from './gemini-error.js';
import { mapGeminiFinishReason, readParts, toOpenAIUsage } from './gemini-response.js';

type Delta = ChatCompletionChunk['choices'][number]['delta'];

/**
 * streamGenerateContent?alt=sse → OpenAI chunks. Every SSE event is a whole
 * GenerateContentResponse holding the next slice of each candidate; function calls arrive
 * whole, so each becomes one tool-call delta carrying id, name and all its arguments.
 */
export class GeminiStreamConverter {
  private id = `chatcmpl-${randomBytes(12).toString('hex')}`;
  private model: string;
  private readonly created = nowSeconds();
  private lastUsage: Usage | null = null;
  private readonly started = new Set<number>();
  private readonly toolCounts = new Map<number, number>();
  private readonly finished = new Set<number>();
  private text = '';
  private first = true;

  constructor(
    fallbackModel: string,
    private readonly wantsUsage: boolean,
    private readonly key: string,
  ) {
    this.model = fallbackModel;
  }

  usage(): Usage | null {
    return this.lastUsage;
  }

  completionText(): string {
    return this.text;
  }

  get anyFinished(): boolean {
    return this.finished.size > 0;
  }

  accept(data: unknown): ChatCompletionChunk[] {
    if (!isRecord(data)) return [];
    if (isRecord(data.error)) throw geminiErrorFrom(200, data.error, JSON.stringify(data), this.key);
    if (this.first) {
      this.first = false;
      if (typeof data.responseId === 'string') this.id = `chatcmpl-${data.responseId}`;
      if (typeof data.modelVersion === 'string') this.model = data.modelVersion;
    }
    const usage = toOpenAIUsage(data.usageMetadata);
    if (usage) this.lastUsage = usage;

    const out: ChatCompletionChunk[] = [];
    const candidates = Array.isArray(data.candidates) ? data.candidates.filter(isRecord) : [];
    if (candidates.length === 0 && isRecord(data.promptFeedback) && data.promptFeedback.blockReason) {
      out.push(...this.begin(0));
      out.push(this.chunk(0, {}, 'content_filter'));
      this.finished.add(0);
    }
    candidates.forEach((c, i) => {
      const index = typeof c.index === 'number' ? c.index : i;
      out.push(...this.begin(index));
      const parts = readParts(c);
      if (parts.reasoning) out.push(this.chunk(index, { reasoning_content: parts.reasoning }));
      if (parts.text) {
        this.text += parts.text;
        out.push(this.chunk(index, { content: parts.text }));
      }
      if (parts.toolCalls.length > 0) {
        const base = this.toolCounts.get(index) ?? 0;
        this.toolCounts.set(index, base + parts.toolCalls.length);
        for (const call of parts.toolCalls) this.text += call.function.arguments;
        out.push(
          this.chunk(index, {
            tool_calls: parts.toolCalls.map((call, k) => ({
              index: base + k,
              id: call.id,
              type: 'function' as const,
              function: { name: call.function.name, arguments: call.function.arguments },
            })),
          }),
        );
      }
      const finish = mapGeminiFinishReason(c.finishReason, (this.toolCounts.get(index) ?? 0) > 0);
      if (finish && !this.finished.has(index)) {
        this.finished.add(index);
        out.push(this.chunk(index, {}, finish));
      }
    });
    return out;
  }

  /** After the last event: the usage chunk, when the client asked for one. */
  end(): ChatCompletionChunk[] {
    if (!this.wantsUsage || !this.lastUsage) return [];
    return [
      {
        id: this.id,
        object: 'chat.completion.chunk',
        created: this.created,
        model: this.model,
        choices: [],
        usage: this.lastUsage,
      },
    ];
  }

  private begin(index: number): ChatCompletionChunk[] {
    if (this.started.has(index)) return [];
    this.started.add(index);
    return [this.chunk(index, { role: 'assistant', content: '' })];
  }

  private chunk(index: number, delta: Delta, finish: FinishReason | null = null): ChatCompletionChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index, delta, finish_reason: finish, logprobs: null }],
      // With include_usage, OpenAI puts `usage: null` on every chunk but the last.
      ...(this.wantsUsage ? { usage: null } : {}),
    };
  }
}
