// Runs a WASI preview1 module under Node's `node:wasi`: the second, independent runtime the
// end-to-end tests compare wasmtime with.
//
// usage: node run-wasi.mjs <module.wasm> <config.json>
// config: { "args": [...], "env": {...}, "preopens": { "guest path": "host dir" },
//           "stdin": "<file>", "stdout": "<file>", "stderr": "<file>" }
// Exits with the module's exit code.
import { readFileSync, openSync, closeSync } from 'node:fs';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [wasmPath, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const stdin = openSync(config.stdin, 'r');
const stdout = openSync(config.stdout, 'w');
const stderr = openSync(config.stderr, 'w');
const wasi = new WASI({
  version: 'preview1',
  args: config.args,
  env: config.env,
  preopens: config.preopens,
  stdin,
  stdout,
  stderr,
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
for (const fd of [stdin, stdout, stderr]) closeSync(fd);
process.exit(code ?? 0);
