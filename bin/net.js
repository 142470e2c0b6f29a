#!/usr/bin/env node
// CommonJS (bin/package.json says so): node starts a CommonJS file without its ES module loader, about 10 ms sooner.
require('../dist/bundle/main.cjs');
