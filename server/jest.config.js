// NestJS 12 (and content-disposition, under @fastify/static, and htmlparser2 with its helpers, under sanitize-html) are ESM-only: @swc/jest compiles our TS and them to CommonJS.
// Class fields are not defined up front (as tsconfig): a DTO holds only the fields the request sent.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.(e2e-)?spec\\.ts$',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  moduleNameMapper: {
    '^@mc/shared$': '<rootDir>/../shared/src/index.ts',
    '^@mc/wechat-sim$': '<rootDir>/sim/src/index.ts',
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(@nestjs|content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities))'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  testTimeout: 30000,
};
