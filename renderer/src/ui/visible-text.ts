/**
 * Bidirectional controls (embeddings, overrides, isolates and marks) reorder the text around
 * them: a sender can make an event type, a path or a header read as something it is not, or
 * display reversed. Text that came from a request is shown with each of them spelled out,
 * e.g. `⟨U+202E⟩`, and so has no effect. Copies (cURL, bodies) keep the exact text.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const spelled = (control: string) =>
  `⟨U+${(control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** `text` as it may be shown: bidirectional controls spelled out. */
export const visible = (text: string): string => text.replace(BIDI_CONTROLS, spelled);
