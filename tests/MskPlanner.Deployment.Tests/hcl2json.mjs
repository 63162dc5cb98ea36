// Reads HCL files named on the command line with HashiCorp's parser (compiled to WebAssembly) and prints one
// JSON object: file name to its parsed body. A parse error exits non-zero with the parser's message.
import { readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';

const parsed = {};
for (const file of process.argv.slice(2)) {
  parsed[file] = await parse(file, readFileSync(file, 'utf8'));
}
process.stdout.write(JSON.stringify(parsed));
