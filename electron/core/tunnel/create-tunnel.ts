import type { TunnelStatus } from '../../../shared/model/tunnel';
import type { Clock, Logger, Scheduler } from '../deps';
import type { Receiver } from '../receiver/receiver';
import type { SettingsStore } from '../settings/settings-store';
import { createManualProvider } from './manual-provider';
import { noneProvider } from './none-provider';
import type { ProbeResponder } from './probe';
import { TunnelController } from './tunnel-controller';
import { TunnelFailure, type TunnelProvider } from './tunnel-provider';

export interface TunnelWiring {
  settings: SettingsStore;
  receiver: Receiver;
  probes: ProbeResponder;
  /** The host's ngrok provider (it knows where the agent script is). */
  ngrok: TunnelProvider | undefined;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  onChange(status: TunnelStatus): void;
}

/** A host that did not bring an ngrok provider (a test, an embedding) says so when asked. */
const ngrokUnavailable: TunnelProvider = {
  name: 'ngrok',
  timeoutMs: 1_000,
  sessionKey: () => 'unavailable',
  describeTimeout: () => 'ngrok is not available in this build.',
  connect: () =>
    Promise.reject(
      new TunnelFailure('failed', 'ngrok is not available in this build: use a manual URL.', false),
    ),
};

/** The tunnel controller, reading its configuration from settings and the receiver. */
export function createTunnel(wiring: TunnelWiring): TunnelController {
  const { settings, receiver } = wiring;
  return new TunnelController({
    providers: {
      ngrok: wiring.ngrok ?? ngrokUnavailable,
      manual: createManualProvider({ probes: wiring.probes, scheduler: wiring.scheduler }),
      none: noneProvider,
    },
    config: () => {
      const current = settings.current();
      const { localUrl, error } = receiver.status();
      return {
        provider: current.tunnelProvider,
        port: localUrl === null ? null : Number(new URL(localUrl).port),
        receiverError: error,
        hookPath: current.hookPath,
        authtoken: settings.ngrokAuthtoken(),
        domain: current.ngrokDomain,
        publicUrl: current.publicUrl,
      };
    },
    onChange: (status) => wiring.onChange(status),
    clock: wiring.clock,
    scheduler: wiring.scheduler,
    logger: wiring.logger,
  });
}
