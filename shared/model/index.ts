export type * from './exchange';
export type * from './settings';
export type * from './status';
export type * from './result';
export type * from './tunnel';
export type * from './okta';
export type * from './timeline';
export type * from './job';
