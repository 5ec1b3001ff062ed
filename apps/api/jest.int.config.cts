/* Integration tests: real PostgreSQL and Redis. Each run creates its own database and drops it. */
module.exports = {
  displayName: 'api-int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/test-support/global-teardown.ts',
  // Generous: beside the e2e stage on two cores a test may wait for CPU; a hang still fails.
  testTimeout: 60000,
  // BullMQ and ioredis close their sockets asynchronously after the last test; do not wait on them.
  forceExit: true,
};
