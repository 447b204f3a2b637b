// Drives Reviewgate's /mcp with the official MCP TypeScript SDK, as a test process.
// Usage: node mcp-client.mjs '<plan JSON>'
//   plan: {"url": "...", "key": "rg_..." | null, "headers": {...}?, "listTools": bool?,
//          "calls": [{"name": "tool", "arguments": {...}}]?}
// Prints one JSON object: {protocolVersion, sessionId, serverInfo, tools?, results} or {error}.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const plan = JSON.parse(process.argv[2]);
const headers = { ...(plan.headers ?? {}) };
if (plan.key) {
  headers.Authorization = `Bearer ${plan.key}`;
}
const transport = new StreamableHTTPClientTransport(new URL(plan.url), { requestInit: { headers } });
const client = new Client({ name: 'reviewgate-test', version: '1.0.0' });
const out = {};
try {
  await client.connect(transport);
  out.protocolVersion = transport.protocolVersion ?? null;
  out.sessionId = transport.sessionId ?? null;
  out.serverInfo = client.getServerVersion() ?? null;
  if (plan.listTools) {
    out.tools = (await client.listTools()).tools;
  }
  out.results = [];
  for (const call of plan.calls ?? []) {
    out.results.push(await client.callTool(call, undefined, { timeout: 120_000 }));
  }
  await client.close();
} catch (e) {
  out.error = { name: e?.name ?? null, message: String(e?.message ?? e), code: e?.code ?? null };
}
process.stdout.write(JSON.stringify(out) + '\n');
