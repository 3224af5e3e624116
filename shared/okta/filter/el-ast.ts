import type { Span } from './el-lexer';

export type { Span };

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  /** `text` as written: SpEL reads `TRUE` and `Null` too, the subset only the lower case. */
  | { type: 'boolean'; value: boolean; text: string }
  | { type: 'null'; text: string }
  | { type: 'exotic'; text: string; why: string };

/**
 * An expression as SpEL would parse it. Nodes outside the filter subset (projections,
 * ternaries, arithmetic…) are kept so that the checker can name them.
 */
export type Node =
  | { kind: 'literal'; span: Span; literal: Literal }
  /** A bare name: `event`, or inside a selection a property of the element (`type`). */
  | { kind: 'ident'; span: Span; name: string }
  | { kind: 'member'; span: Span; object: Node; name: string; safe: boolean }
  | { kind: 'call'; span: Span; object: Node | null; name: string; args: Node[]; safe: boolean }
  /** `?[…]` (all), `^[…]` (first), `$[…]` (last); `object` null when it starts the expression. */
  | { kind: 'select'; span: Span; object: Node | null; mode: '?' | '^' | '$'; predicate: Node }
  | { kind: 'project'; span: Span; object: Node | null; expression: Node }
  | { kind: 'index'; span: Span; object: Node | null; index: Node }
  /** `op` is the SpEL operator (`!`, `-`, `+`, `++`, `--`), `text` as written (`!`, `not`). */
  | { kind: 'unary'; span: Span; op: string; text: string; operand: Node }
  | { kind: 'binary'; span: Span; op: string; text: string; opSpan: Span; left: Node; right: Node }
  | { kind: 'ternary'; span: Span; test: Node; then: Node; otherwise: Node }
  | { kind: 'elvis'; span: Span; left: Node; right: Node }
  | { kind: 'assign'; span: Span; target: Node; value: Node }
  /** Type references, constructors, variables, bean references, inline lists and maps. */
  | { kind: 'construct'; span: Span; what: string };
