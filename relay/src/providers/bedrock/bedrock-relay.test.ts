import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { BEDROCK_TEST_KEY, startMockBedrock } from '@switchboard/test/mock-upstreams/bedrock/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

// The shared provider suite (non-stream, stream + [DONE], failover from an account Bedrock
// refuses for payment, 429 and 400 as SDK error classes, tools) with the official openai client.
cnRelaySuite({
  type: 'bedrock',
  model: 'anthropic.claude-3-haiku-20240307-v1:0',
  key: `${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`,
  start: () => startMockBedrock({ region: 'eu-central-1' }),
  reply: CN_REPLY,
  config: { region: 'eu-central-1' },
  tools: true,
  badMessages: [],
  badMessageText: /must start with a user message/,
});
