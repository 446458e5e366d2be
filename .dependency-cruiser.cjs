/**
 * The import boundaries of docs/ARCHITECTURE.md, checked by `npm run check:boundaries`
 * (part of `npm test`). A rule here is a wall; move code to the right room rather
 * than adding an exception.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-platform-free',
      comment: 'core/ is shared by the mini-program and the functions: it imports nothing but itself and zod.',
      severity: 'error',
      from: { path: '^core/' },
      to: { pathNot: ['^core/', '^node_modules/zod/'] },
    },
    {
      name: 'domain-is-platform-free',
      comment:
        'server/domain holds the rules and use cases: core, itself and the pure token codec only; the world comes in through ports (no adapter, emulator, node:*, better-sqlite3, Taro or wx).',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { pathNot: ['^core/', '^server/domain/', '^server/token/'] },
    },
    {
      name: 'token-codec-is-pure',
      comment: 'server/token is a byte-level codec on Uint8Array (Base45, CBOR, COSE layout, offline checks); keys and crypto live in adapters.',
      severity: 'error',
      from: { path: '^server/token/' },
      to: { pathNot: ['^core/', '^server/token/'] },
    },
    {
      name: 'mini-program-imports-no-server',
      comment: 'src/ reaches the functions through the API client only; shared rules come from core/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|cloudfunctions|test|bench|scripts)/' },
    },
    {
      name: 'emulator-is-a-leaf',
      comment: 'Nothing imports the emulator but its own entry and the tests: clients, functions and deploys must not depend on the simulator.',
      severity: 'error',
      from: { pathNot: ['^server/emulator/', '^test/'] },
      to: { path: '^server/emulator/' },
    },
    {
      name: 'adapters-do-not-reach-up',
      comment: 'Adapters implement ports; they never call functions, compositions, the emulator or clients.',
      severity: 'error',
      from: { path: '^server/adapters/' },
      to: { path: '^server/(functions|composition|emulator|deploy|cli|clients)/' },
    },
    {
      name: 'clients-use-only-core',
      comment: 'server/clients is what a terminal, an admin tool or a partner runs: it must not depend on the server it calls.',
      severity: 'error',
      from: { path: '^server/clients/' },
      to: { path: '^(server|src|cloudfunctions)/', pathNot: '^server/clients/' },
    },
    {
      name: 'tcb-admin-node-behind-its-adapter',
      comment:
        'tcb-admin-node pins old jsonwebtoken and request: only the CloudBase adapters (the Store and the ServicesStore, server/adapters/cloudbase/) use it (database.ts says why their weak spots are not reached), never the mini-program or another room. Every deployed function now holds a store, the partner function included since the services journey is deployed, so every bundle carries it (scripts/function-bundles.ts SDK_ALLOWED); wx-server-sdk stays in the citizen bundle alone.',
      severity: 'error',
      from: { pathNot: '^server/adapters/cloudbase/' },
      to: { path: 'node_modules/tcb-admin-node/' },
    },
    {
      name: 'wx-server-sdk-in-the-citizen-entry-only',
      comment: 'The citizen OPENID comes from cloud.getWXContext() in the citizen entry, injected into server/deploy; nothing else loads the SDK (tests may, to read the context as it does).',
      severity: 'error',
      from: { pathNot: ['^cloudfunctions/citizen/', '^test/'] },
      to: { path: 'node_modules/wx-server-sdk/' },
    },
    {
      name: 'cloudbase-manager-in-setup-only',
      comment: 'The CloudBase manager API (collections and indexes) is for `npm run cloudbase:setup`, never for a deployed function.',
      severity: 'error',
      from: { pathNot: '^scripts/cloudbase-setup\\.ts$' },
      to: { path: 'node_modules/@cloudbase/manager-node/' },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle hides which module owns a concept (core/api and core/scenes once imported each other through CardLevel).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist/|cloudfunctions/[^/]+/index\\.js)' },
    // Type-only imports are imports too: a domain file must not even name a platform type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
