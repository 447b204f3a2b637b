// Preloaded (node --import) into the MCP conformance suite, which has no option for credentials:
// every HTTP request it makes, through fetch or undici, carries Reviewgate's API key.
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';

const authorization = `Bearer ${process.env.REVIEWGATE_API_KEY}`;

function withAuthorization(headers) {
  if (Array.isArray(headers)) {
    const out = [];
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() !== 'authorization') {
        out.push(headers[i], headers[i + 1]);
      }
    }
    return [...out, 'authorization', authorization];
  }
  const out = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') {
      out[name] = value;
    }
  }
  out.authorization = authorization;
  return out;
}

setGlobalDispatcher(
  getGlobalDispatcher().compose((dispatch) => (options, handler) =>
    dispatch({ ...options, headers: withAuthorization(options.headers) }, handler)),
);
