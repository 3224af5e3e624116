export * from './commands';
export * from './events';
export * from './define';
export * from './csp';
export type * from './inspector-api';
export * from './schemas';
