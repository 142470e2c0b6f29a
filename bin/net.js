#!/usr/bin/env node
// CommonJS (bin/package.json says so): node starts a CommonJS file without its ES module loader, about 10 ms sooner.
// `net complete …`, which the completion scripts run on every Tab, loads its own small bundle instead of the program
// (a start-up trick: README, "Start-up tricks").
require(process.argv[2] === 'complete' ? '../dist/bundle/complete.cjs' : '../dist/bundle/main.cjs');
