import { utilityProcess } from 'electron';
import { stderrTail, type LaunchAgent } from '../core/tunnel/agent-process';

/**
 * The ngrok agent as an Electron utility process. Forking Electron as plain Node would need
 * ELECTRON_RUN_AS_NODE, which the packaged app's runAsNode fuse turns off.
 */
export const launchUtilityAgent: LaunchAgent = (agentPath, env) => {
  const child = utilityProcess.fork(agentPath, [], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'Okta Hook Inspector ngrok agent',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const lastError = stderrTail(child.stderr);
  return {
    send: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    // A utility process reports a failure to start as an exit; there is no separate error.
    onError: () => undefined,
    kill: () => void child.kill(),
    running: () => !exited,
    lastError,
  };
};
