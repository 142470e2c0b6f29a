// Start-up trick: commander requires node:child_process when it loads, for executable subcommands, which net has none
// of; loading it brings in some 40 of node's internal modules (sockets, dgram, spawn), about 5 ms a start. The bundle
// hands commander this stand-in instead (rolldown.config.mjs, resolve.alias), which loads the real module on first
// use. Remove the alias to turn it off.
let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= process.getBuiltinModule('node:child_process'))[key] });
