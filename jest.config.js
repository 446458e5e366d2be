/** One jest run for every layer; the e2e and weapp suites use the builds that `npm test` makes first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 30000,
};
