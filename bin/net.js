#!/usr/bin/env node
// CommonJS (bin/package.json says so): node starts a CommonJS file without its ES module loader, about 10 ms sooner.
// dist/bundle/load.cjs loads the program's bundle from V8's code cache; `net complete …`, which the completion scripts
// run on every Tab, loads its own small bundle instead of the program (start-up tricks: README, "Start-up tricks").
require('../dist/bundle/load.cjs').loadBundle(`${__dirname}/../dist/bundle`, process.argv[2] === 'complete' ? 'complete.cjs' : 'main.cjs');
