// The peer's one-process corpus check: dockerfile-utils' validate() over every file given.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { validate } = require('dockerfile-utils');

let count = 0;
let problems = 0;
for (const root of process.argv.slice(2)) {
  const files = statSync(root).isDirectory() ? readdirSync(root).map((name) => join(root, name)) : [root];
  for (const file of files) {
    problems += validate(readFileSync(file, 'utf8')).length;
    count++;
  }
}
console.log(JSON.stringify({ files: count, problems }));
