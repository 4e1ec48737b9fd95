/**
 * What the api and the console need to know of each provider, as plain data: its type name,
 * default base URL, key format, extra channel fields and what it supports. The relay's
 * adapters (relay/src/providers/<type>/) implement the behaviour; this list is the contract.
 */
export type Capability =
  | 'chat'
  | 'stream'
  | 'tools'
  | 'vision'
  | 'embeddings'
  | 'images'
  | 'audio'
  | 'responses';

export interface ProviderField {
  /** Key inside the channel's `config`. */
  name: string;
  label: { en: string; zh: string };
  kind: 'string' | 'number' | 'boolean' | 'select';
  required: boolean;
  options?: string[];
  default?: string | number | boolean;
  placeholder?: string;
  help?: { en: string; zh: string };
}

export interface ProviderInfo {
  type: string;
  label: { en: string; zh: string };
  /**
   * null = the admin must enter one. OpenAI-compatible base URLs include the version path, as
   * the OpenAI SDK's `baseURL` does (https://api.openai.com/v1); one entered with no path at
   * all gets `/v1` appended (see {@link normalizeOpenAIBaseUrl}).
   */
  defaultBaseUrl: string | null;
  /** How a key is written, e.g. "sk-…", "AK|SK", "APPID|APIKey|APISecret". */
  keyFormat: string;
  /** Splits a key into its parts; used to validate a channel key without relay code. */
  keyParts: number;
  /**
   * Most `|` parts a key may have when the trailing ones are optional (Bedrock's session
   * token); absent = exactly {@link keyParts}. Read it through {@link keyPartsRange}.
   */
  maxKeyParts?: number;
  /**
   * Optional stricter check of one key (regular expression source), for formats that `|`
   * parts cannot express, e.g. Zhipu's "id.secret".
   */
  keyPattern?: string;
  /** Whether this provider speaks OpenAI's wire format (shared base adapter). */
  openaiCompatible: boolean;
  capabilities: Capability[];
  fields: ProviderField[];
  /** Models to suggest when the upstream cannot list them. */
  suggestedModels: string[];
}

const full: Capability[] = [
  'chat',
  'stream',
  'tools',
  'vision',
  'embeddings',
  'images',
  'audio',
  'responses',
];
const chatOnly: Capability[] = ['chat', 'stream', 'tools'];

const compat = (
  type: string,
  en: string,
  zh: string,
  defaultBaseUrl: string | null,
  suggestedModels: string[],
  capabilities: Capability[] = chatOnly,
): ProviderInfo => ({
  type,
  label: { en, zh },
  defaultBaseUrl,
  keyFormat: 'sk-…',
  keyParts: 1,
  openaiCompatible: true,
  capabilities,
  fields: [],
  suggestedModels,
});

export const PROVIDERS: ProviderInfo[] = [
  compat(
    'openai',
    'OpenAI',
    'OpenAI',
    'https://api.openai.com/v1',
    ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'o3-mini', 'text-embedding-3-small'],
    full,
  ),
  {
    type: 'azure',
    label: { en: 'Azure OpenAI', zh: 'Azure OpenAI' },
    defaultBaseUrl: null,
    keyFormat: 'api-key',
    keyParts: 1,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision', 'embeddings', 'images', 'audio'],
    fields: [
      {
        name: 'apiVersion',
        label: { en: 'API version', zh: 'API 版本' },
        kind: 'string',
        required: true,
        default: '2024-10-21',
        placeholder: '2024-10-21',
        help: {
          en: 'Data-plane api-version (YYYY-MM-DD or YYYY-MM-DD-preview). The model name after mapping is the deployment name.',
          zh: '数据面 api-version（YYYY-MM-DD 或 YYYY-MM-DD-preview）。模型映射后的名称即部署名称。',
        },
      },
    ],
    suggestedModels: ['gpt-4o', 'gpt-4o-mini'],
  },
  {
    type: 'anthropic',
    label: { en: 'Anthropic Claude', zh: 'Anthropic Claude' },
    defaultBaseUrl: 'https://api.anthropic.com',
    keyFormat: 'sk-ant-…',
    keyParts: 1,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision'],
    fields: [
      {
        name: 'defaultMaxTokens',
        label: { en: 'Default max_tokens', zh: '默认 max_tokens' },
        kind: 'number',
        required: false,
        default: 4096,
        help: {
          en: 'Sent when the client gives no max_tokens (Anthropic requires one).',
          zh: '客户端未指定 max_tokens 时使用（Anthropic 要求必填）。',
        },
      },
      {
        name: 'anthropicBeta',
        label: { en: 'anthropic-beta header', zh: 'anthropic-beta 请求头' },
        kind: 'string',
        required: false,
        placeholder: 'prompt-caching-2024-07-31',
      },
    ],
    suggestedModels: ['claude-sonnet-4-20250514', 'claude-3-5-haiku-latest'],
  },
  {
    type: 'gemini',
    label: { en: 'Google Gemini', zh: 'Google Gemini' },
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    keyFormat: 'AIza…',
    keyParts: 1,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision', 'embeddings'],
    fields: [
      {
        name: 'apiVersion',
        label: { en: 'API version', zh: 'API 版本' },
        kind: 'select',
        required: false,
        options: ['v1beta', 'v1'],
        default: 'v1beta',
      },
    ],
    suggestedModels: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash', 'text-embedding-004'],
  },
  {
    type: 'baidu',
    label: { en: 'Baidu ERNIE', zh: '百度文心' },
    defaultBaseUrl: 'https://aip.baidubce.com',
    keyFormat: 'APIKey|SecretKey',
    keyParts: 2,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'embeddings'],
    fields: [],
    suggestedModels: [
      'ernie-4.0-8k',
      'ernie-4.0-turbo-8k',
      'ernie-3.5-8k',
      'ernie-speed-128k',
      'ernie-lite-8k',
      'embedding-v1',
    ],
  },
  {
    type: 'qwen',
    label: { en: 'Alibaba Qwen (DashScope)', zh: '阿里通义千问' },
    defaultBaseUrl: 'https://dashscope.aliyuncs.com',
    keyFormat: 'sk-…',
    keyParts: 1,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision', 'embeddings'],
    fields: [],
    suggestedModels: ['qwen-plus', 'qwen-turbo', 'qwen-max', 'qwen-vl-plus', 'text-embedding-v3'],
  },
  {
    type: 'zhipu',
    label: { en: 'Zhipu GLM', zh: '智谱 GLM' },
    defaultBaseUrl: 'https://open.bigmodel.cn',
    keyFormat: 'id.secret',
    keyParts: 1,
    keyPattern: '^[^.|\\s]+\\.[^.|\\s]+$',
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision', 'embeddings'],
    fields: [],
    suggestedModels: ['glm-4-plus', 'glm-4-flash', 'glm-4v-plus', 'embedding-3'],
  },
  {
    type: 'spark',
    label: { en: 'iFlytek Spark', zh: '讯飞星火' },
    defaultBaseUrl: 'wss://spark-api.xf-yun.com',
    keyFormat: 'APPID|APIKey|APISecret',
    keyParts: 3,
    openaiCompatible: false,
    capabilities: ['chat', 'stream'],
    fields: [],
    suggestedModels: ['4.0Ultra', 'generalv3.5', 'max-32k', 'generalv3', 'pro-128k', 'lite'],
  },
  {
    type: 'hunyuan',
    label: { en: 'Tencent Hunyuan', zh: '腾讯混元' },
    defaultBaseUrl: 'https://hunyuan.tencentcloudapi.com',
    keyFormat: 'SecretId|SecretKey',
    keyParts: 2,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'embeddings'],
    fields: [
      {
        name: 'region',
        label: { en: 'Region', zh: '地域' },
        kind: 'string',
        required: false,
        default: 'ap-guangzhou',
        help: {
          en: 'Sent as X-TC-Region; Hunyuan serves from ap-guangzhou and ap-beijing.',
          zh: '作为 X-TC-Region 发送；混元在 ap-guangzhou、ap-beijing 提供服务。',
        },
      },
    ],
    suggestedModels: [
      'hunyuan-turbo',
      'hunyuan-pro',
      'hunyuan-standard',
      'hunyuan-lite',
      'hunyuan-functioncall',
      'hunyuan-embedding',
    ],
  },
  {
    type: 'bedrock',
    label: { en: 'AWS Bedrock', zh: 'AWS Bedrock' },
    // Per region; the adapter builds it from the region field when the base URL is empty.
    defaultBaseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
    keyFormat: 'AccessKeyId|SecretAccessKey[|SessionToken]',
    keyParts: 2,
    // Temporary (STS) credentials add a session token, sent as X-Amz-Security-Token.
    maxKeyParts: 3,
    openaiCompatible: false,
    capabilities: ['chat', 'stream', 'tools', 'vision'],
    fields: [
      {
        name: 'region',
        label: { en: 'Region', zh: '地域' },
        kind: 'string',
        required: true,
        default: 'us-east-1',
        placeholder: 'us-east-1',
        help: {
          en: 'AWS region of the Bedrock Runtime endpoint; part of the SigV4 signature.',
          zh: 'Bedrock Runtime 所在的 AWS 地域；参与 SigV4 签名。',
        },
      },
    ],
    suggestedModels: [
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'us.anthropic.claude-sonnet-4-20250514-v1:0',
      'amazon.nova-pro-v1:0',
      'amazon.nova-lite-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
      'mistral.mistral-large-2407-v1:0',
    ],
  },
  compat('deepseek', 'DeepSeek', '深度求索 DeepSeek', 'https://api.deepseek.com/v1', [
    'deepseek-chat',
    'deepseek-reasoner',
  ]),
  compat('moonshot', 'Moonshot (Kimi)', '月之暗面 Kimi', 'https://api.moonshot.cn/v1', [
    'moonshot-v1-8k',
    'moonshot-v1-32k',
  ]),
  compat(
    'doubao',
    'ByteDance Doubao (Volcengine Ark)',
    '字节豆包 (火山方舟)',
    'https://ark.cn-beijing.volces.com/api/v3',
    ['doubao-pro-32k'],
  ),
  compat(
    'ollama',
    'Ollama',
    'Ollama',
    'http://127.0.0.1:11434/v1',
    ['llama3.1', 'qwen2.5'],
    ['chat', 'stream', 'tools', 'embeddings'],
  ),
  compat(
    'mistral',
    'Mistral',
    'Mistral',
    'https://api.mistral.ai/v1',
    ['mistral-large-latest', 'mistral-small-latest'],
    ['chat', 'stream', 'tools', 'embeddings'],
  ),
  compat('groq', 'Groq', 'Groq', 'https://api.groq.com/openai/v1', ['llama-3.3-70b-versatile']),
  compat('openrouter', 'OpenRouter', 'OpenRouter', 'https://openrouter.ai/api/v1', ['openai/gpt-4o']),
  compat(
    'siliconflow',
    'SiliconFlow',
    '硅基流动',
    'https://api.siliconflow.cn/v1',
    ['deepseek-ai/DeepSeek-V3'],
    ['chat', 'stream', 'tools', 'embeddings'],
  ),
  compat('xai', 'xAI Grok', 'xAI Grok', 'https://api.x.ai/v1', ['grok-3', 'grok-3-mini']),
  compat('custom', 'Custom (OpenAI-compatible)', '自定义 (OpenAI 兼容)', null, [], full),
];

export function providerInfo(type: string): ProviderInfo | undefined {
  return PROVIDERS.find((p) => p.type === type);
}

/** How many `|` parts a key of this provider may have: keyParts..maxKeyParts (inclusive). */
export function keyPartsRange(provider: Pick<ProviderInfo, 'keyParts' | 'maxKeyParts'>): {
  min: number;
  max: number;
} {
  return { min: provider.keyParts, max: Math.max(provider.keyParts, provider.maxKeyParts ?? 0) };
}

/** "https://host" → "https://host/v1"; any URL with a path is kept (trailing slash dropped). */
export function normalizeOpenAIBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path || '/v1'}`;
}
