/** Event types as toggle chips: pressed when selected. */
export function TypeChips(props: {
  types: readonly string[];
  selected: readonly string[];
  onToggle: (type: string) => void;
  testId: string;
}) {
  return (
    <div className="type-list" data-testid={props.testId}>
      {props.types.map((type) => (
        <button
          key={type}
          type="button"
          className={`chip${props.selected.includes(type) ? ' chip--on' : ''}`}
          aria-pressed={props.selected.includes(type)}
          onClick={() => props.onToggle(type)}
        >
          {type}
        </button>
      ))}
    </div>
  );
}
