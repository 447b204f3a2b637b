// Drives Reviewgate's /humanlayer/v1 with HumanLayer's own TypeScript SDK, as a test process.
// Usage: node humanlayer-client.mjs '<plan JSON>'
//   plan: {"apiBaseUrl", "apiKey", "runId", "callId", "action": "requireApproval" | "humanAsTool",
//          "kwargs"?: {...}, "message"?: "..."}
// Prints {"result": ...} or {"error": "..."}.
import { humanlayer } from '@humanlayer/sdk';

const plan = JSON.parse(process.argv[2]);
const hl = humanlayer({
  apiKey: plan.apiKey,
  apiBaseUrl: plan.apiBaseUrl,
  runId: plan.runId,
  // The call id the test looks the review up by; the SDK would otherwise draw a random one.
  genid: (prefix) => `${prefix}-${plan.callId}`,
  // The SDK polls every 3 s; a test need not wait that long between polls.
  sleep: () => new Promise((resolve) => setTimeout(resolve, 200)),
});

async function send_email({ to, subject }) {
  return `sent "${subject}" to ${to}`;
}

try {
  let result;
  if (plan.action === 'requireApproval') {
    result = await hl.requireApproval()(send_email)(plan.kwargs);
  } else {
    result = await hl.humanAsTool()({ message: plan.message });
  }
  process.stdout.write(JSON.stringify({ result }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e?.message ?? e) }) + '\n');
}
