// A Graph-API-like server on 127.0.0.1 for the collector's tests: it answers the batched
// ?ids=a,b&fields=fan_count,followers_count request for the pages it knows, with Facebook's
// answer and error shapes (errors with HTTP 200 when suppress_http_code=1 is asked, as Facebook
// does), and usage headers when a test sets them. Tests change its pages, its token and its
// behaviour between runs; every request is logged.
import { send, startScripted } from '../browser/scripted-server.mjs';

export const VERSION = 'v25.0';

export async function startGraph(token) {
  const server = await startScripted();
  const graph = {
    token,
    // id -> { fan_count?, followers_count?, name }
    pages: {},
    // Headers added to every answer, e.g. { 'x-app-usage': '{"call_count":85,...}' }.
    headers: {},
    // Replaces the normal answer: (req, res, url) => {...}; null: answer as Facebook would.
    override: null,
    server,
    get origin() { return server.origin; },
    requests: () => server.log.filter((e) => e.path === `/${VERSION}/`),
  };

  const error = (res, url, status, body) =>
    send(res, url.searchParams.get('suppress_http_code') === '1' ? 200 : status, JSON.stringify({ error: body }),
      { cors: false, headers: graph.headers });
  graph.error = error;

  server.script((req, res, url) => {
    if (url.pathname !== `/${VERSION}/`) return send(res, 404, 'Unsupported get request', { cors: false });
    if (graph.override) return graph.override(req, res, url);
    if (url.searchParams.get('access_token') !== graph.token)
      return error(res, url, 400, { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'A1' });
    const ids = (url.searchParams.get('ids') || '').split(',');
    const unknown = ids.filter((id) => !graph.pages[id.toLowerCase()]);
    if (unknown.length)
      return error(res, url, 404, { message: `(#803) Some of the aliases you requested do not exist: ${unknown.join(',')}`, type: 'OAuthException', code: 803, fbtrace_id: 'A2' });
    const answer = {};
    for (const id of ids) answer[id] = { ...graph.pages[id.toLowerCase()], id: String(1000 + ids.indexOf(id)) };
    send(res, 200, JSON.stringify(answer), { cors: false, headers: graph.headers });
  });
  return graph;
}
