#!/usr/bin/env node
// CommonJS (bin/package.json says so): node starts a CommonJS file without its ES module loader, about 10 ms sooner.
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'bundle');
require(join(bundle, 'compile-cache.cjs')).enableCompileCache(bundle, process.env);
require(join(bundle, 'main.cjs'));
