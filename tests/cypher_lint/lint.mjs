// Lint Cypher queries with Neo4j's own checker (@neo4j-cypher/language-support).
// Reads a JSON list of {name, text, parameters: [names]} on stdin and writes a JSON list of
// {name, diagnostics: [{severity, message, line, character}]} on stdout.
import { lintCypherQuery } from "@neo4j-cypher/language-support";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map(({ name, text, parameters }) => {
  const declared = Object.fromEntries(parameters.map((p) => [p, null]));
  const { diagnostics } = lintCypherQuery(text, { parameters: declared });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity === 1 ? "error" : "warning",
      message: d.message,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
