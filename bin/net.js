#!/usr/bin/env node
// CommonJS (bin/package.json says so): node starts a CommonJS file without its ES module loader, about 10 ms sooner.
// The bundle's files are named by their content's hash, so that compiled code kept for one build never serves another.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'bundle');
const files = readdirSync(bundle);
const entry = (name) => join(bundle, files.find((f) => f.startsWith(`${name}-`) && f.endsWith('.cjs')));
require(entry('compile-cache')).enableCompileCache(bundle, process.env);
require(entry('main'));
