// Runs a component transpiled by `jco transpile --instantiation async` under Node with
// @bytecodealliance/preview2-shim as its WASI 0.2: the second, independent component runtime the
// end-to-end tests compare wasmtime with (see tests/src/jco.rs).
//
// usage: node run-component.mjs <transpiled.js> <config.json>
// config: { "args": [...],                 argv, argv[0] included
//           "env": [["K", "V"], ...],       the whole environment, in order
//           "preopens": [["guest path", "host dir"], ...],
//           "result": "<file>" }            written when the guest traps (see below)
// stdin, stdout and stderr are this process's own (the caller redirects them to files).
//
// Exit status, as tests/src/component.rs reports wasmtime's: 0 when `run` returns ok, 1 when it
// returns err, n after `wasi:cli/exit` (the shim calls process.exit), 134 after a trap or any
// other exception, whose text is then written to the result file (not to stderr, which is the
// guest's).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import process from 'node:process';
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';

const [jsPath, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));

// The shim's defaults are the Node process's own arguments, environment, working directory
// and the host's root as a preopen: replace all of them by exactly what the caller gave.
_setPreopens(Object.fromEntries(config.preopens));
const imports = new WASIShim().getImportObject();
imports['wasi:cli/environment'] = {
  getEnvironment: () => config.env.map(([k, v]) => [k, v]),
  getArguments: () => [...config.args],
  // wasmtime reports no initial working directory unless told one; so does this.
  initialCwd: () => undefined,
};

const outcome = (code, trap) => {
  if (trap !== undefined) writeFileSync(config.result, trap);
  // Let the shim's stdio worker finish what it was handed before the process ends.
  setTimeout(() => process.exit(code));
};

try {
  const base = pathToFileURL(jsPath);
  const component = await import(base.href);
  const getCoreModule = (name) => WebAssembly.compile(readFileSync(new URL(name, base)));
  const instance = await component.instantiate(getCoreModule, imports);
  const run = instance.run ?? instance['wasi:cli/run@0.2.0'];
  if (typeof run?.run !== 'function') {
    outcome(134, `the component exports no wasi:cli/run (exports: ${Object.keys(instance)})`);
  } else {
    await run.run();
    outcome(0);
  }
} catch (e) {
  // `run` returning err is thrown as a ComponentError carrying the payload.
  if (e?.constructor?.name === 'ComponentError') {
    outcome(1);
  } else {
    outcome(134, `${e?.name ?? 'error'}: ${e?.message ?? e}\n${e?.stack ?? ''}`);
  }
}
