// Runs graphql-http's GraphQL-over-HTTP server audit against the URL given as the first argument and
// prints one line per audit ("ok", "warn" or "error"), then a JSON summary line. Exit code 1 when any
// MUST audit failed ("error"); the JUnit test (GraphQLOverHttpAuditTest) also inspects the warnings.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
  console.log(`${result.status.padEnd(5)} ${audit.id} ${audit.name}${result.reason ? ' -- ' + result.reason : ''}`);
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log('SUMMARY ' + JSON.stringify({ ok: count('ok'), warn: count('warn'), error: count('error') }));
process.exit(count('error') > 0 ? 1 : 0);
