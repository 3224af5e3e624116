import { Component, type ReactNode } from 'react';

interface Props {
  /** What the pane shows, for the sentence: "The Okta events could not be shown". */
  what: string;
  children: ReactNode;
}

/**
 * One record the UI cannot draw (a crafted import, a log written by an older version) shows an
 * error in its own pane; the rest of the app keeps working. Give it a `key` that changes with
 * what it shows, so that the next record is drawn afresh. The error goes to the console too,
 * with its stack: the runtime (preact/compat) does not report a caught error there, as React did.
 */
export class PaneBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="pane-error" role="alert" data-testid="pane-error">
        <strong>{this.props.what} could not be shown.</strong> The record may be damaged or written by another
        version: {error.message}
      </div>
    );
  }
}
