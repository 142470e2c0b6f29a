/** The completion spec, made from the command tree when net is built (rolldown.config.mjs). */
declare module 'net:completion-spec' {
  const spec: import('./spec.js').CompletionSpec;
  export default spec;
}
