import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { SPARK_TEST_KEY, startMockSpark } from '@switchboard/test/mock-upstreams/spark/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

cnRelaySuite({
  type: 'spark',
  model: 'generalv3.5',
  key: `${SPARK_TEST_KEY.appId}|${SPARK_TEST_KEY.apiKey}|${SPARK_TEST_KEY.apiSecret}`,
  start: () => startMockSpark(),
  reply: CN_REPLY,
  badMessages: [],
  badMessageText: /text 不能为空/,
  emptyContent: true,
});
