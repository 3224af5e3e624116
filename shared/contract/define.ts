import type { z } from 'zod';

/** Carries an output type without a runtime value, so types derive from the contract object. */
export interface Returns<T> {
  readonly __returns?: T;
}

export const returns = <T>(): Returns<T> => ({});

export interface CommandSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  /** One line for the API docs and the README. */
  summary: string;
  input: I;
  output: Returns<O>;
}

export interface EventSpec<P = unknown> {
  summary: string;
  payload: Returns<P>;
}

export const defineCommand = <I extends z.ZodType, O>(spec: CommandSpec<I, O>): CommandSpec<I, O> => spec;

export const defineEvent = <P>(summary: string): EventSpec<P> => ({
  summary,
  payload: returns<P>(),
});
