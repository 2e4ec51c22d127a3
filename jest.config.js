/** Jest: unit tests of the core, integration tests on the built bundle, browser tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Two cores here: the slow reliability files are split in shards (faults-1..4) so two workers share them.
  maxWorkers: 2,
};
