import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { commandNames } from '../../shared/contract/names';
import type { PushMessage } from '../../shared/contract/events';
import type { Result } from '../../shared/model/result';
import type { Core } from '../core';
import { isTrustedSender } from './window-security';

type HandlePort = Pick<IpcMain, 'handle' | 'removeHandler'>;

const FOREIGN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'IPC refused: the caller is not the app window.' },
};

/**
 * Register one `ipcMain.handle` per contract command. The sender frame is checked before the
 * input is even looked at; validation and routing are the dispatcher's (same as headless).
 */
export function registerCommands(ipcMain: HandlePort, core: Pick<Core, 'dispatch'>): () => void {
  for (const name of commandNames) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown) =>
      isTrustedSender(event.senderFrame) ? core.dispatch(name, input) : FOREIGN_SENDER,
    );
  }
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(name);
  };
}

/** Forward pushes (already batched by the core) to a window, while it exists. */
export function forwardPushes(
  core: Pick<Core, 'subscribe'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
) {
  const unsubscribe = core.subscribe((message: PushMessage) => {
    if (contents.isDestroyed()) unsubscribe();
    else contents.send(message.name, message.payload);
  });
  return unsubscribe;
}
