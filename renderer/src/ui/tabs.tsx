import type { ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: ReactNode;
  /** Says in full what a short label means. */
  title?: string;
}

/** An accessible tab strip; the caller renders the active panel. */
export function Tabs<T extends string>(props: {
  tabs: TabDef<T>[];
  active: T;
  onChange: (id: T) => void;
  label: string;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === props.active}
          className={tab.id === props.active ? 'tab tab--active' : 'tab'}
          onClick={() => props.onChange(tab.id)}
          title={tab.title}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
