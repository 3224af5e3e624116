import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';
import type { TransferHost } from '../core/deps';
import { CommandError } from '../core/rpc/command-error';

const FILTERS = {
  har: { name: 'HAR (HTTP Archive)', extensions: ['har'] },
  ndjson: { name: 'Okta Hook Inspector exchanges (NDJSON)', extensions: ['ndjson'] },
};

/**
 * Files in and out the desktop way: the engine asks, main shows a save or open dialog, and
 * the chosen path never passes through the renderer (which could otherwise name any file).
 */
export function createDialogTransfers(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  window: () => BrowserWindow | null,
  downloadsDir: string,
): TransferHost {
  return {
    exportTarget: async (suggestedName) => {
      const extension = path.extname(suggestedName).slice(1);
      const options = {
        defaultPath: path.join(downloadsDir, suggestedName),
        filters: extension === 'har' ? [FILTERS.har] : [FILTERS.ndjson],
      };
      const owner = window();
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : { path: result.filePath };
    },
    importSource: async (upload) => {
      if (upload !== undefined)
        throw new CommandError('invalid-input', 'The desktop app asks for the file itself.');
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: 'HAR or NDJSON', extensions: ['har', 'ndjson', 'json'] }],
      };
      const owner = window();
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      const [file] = result.filePaths;
      return result.canceled || file === undefined
        ? null
        : { path: file, name: path.basename(file), temporary: false };
    },
  };
}
