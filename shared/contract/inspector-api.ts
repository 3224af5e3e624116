import type { Result } from '../model/result';
import type { CommandInput, CommandName, CommandOutput } from './commands';
import type { EventName, EventPayload } from './events';

/**
 * What the preload exposes as `window.inspector`, and what every renderer bridge implements:
 * contract commands by name (always request/response) and contract pushes by name.
 */
export interface InspectorApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}
