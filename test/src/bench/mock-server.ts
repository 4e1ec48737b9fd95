/**
 * The mock OpenAI upstream as a process of its own, so the benchmark can pin it to a core
 * apart from the gateways under test. Usage: node mock-server.js PORT ['{"chunkDelayMs":100}']
 */
import { type MockMode, startMockOpenAI } from '../mock-upstreams/openai/server.js';

const port = Number(process.argv[2]);
const mode = process.argv[3] ? (JSON.parse(process.argv[3]) as MockMode) : undefined;
const mock = await startMockOpenAI({ port, host: '127.0.0.1', record: false, mode });
console.log(`mock upstream on ${mock.url}`);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
