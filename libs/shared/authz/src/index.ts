export * from './lib/subjects';
export * from './lib/define-ability';
export { ForbiddenError } from '@casl/ability';
export { packRules, unpackRules, rulesToAST } from '@casl/ability/extra';
