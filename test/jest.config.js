module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/browser', '<rootDir>/process'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 60000,
  // undici keeps idle sockets to the stopped server for a few seconds
  forceExit: true,
};
