/** Small line icons drawn in the current text colour. */

const svg = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true } as const;
const stroke = {
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export function SearchIcon() {
  return (
    <svg {...svg}>
      <circle cx="7" cy="7" r="4.5" {...stroke} />
      <path d="M10.5 10.5 14 14" {...stroke} />
    </svg>
  );
}

export function PinIcon({ filled = false }: { filled?: boolean }) {
  return (
    <svg {...svg}>
      <path
        d="M6 2h4l-.5 4 2.5 2.5v1H4v-1L6.5 6 6 2Z M8 9.5V14"
        {...stroke}
        fill={filled ? 'currentColor' : 'none'}
      />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...svg} width={10} height={10}>
      <path d="M3 3l10 10M13 3 3 13" {...stroke} strokeWidth={2} />
    </svg>
  );
}
