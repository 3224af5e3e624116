import type { TransferHost } from '../deps';
import { FileTransfers } from '../transfer/file-transfers';

/** The host's way of moving files, or a temporary folder of our own (removed on stop). */
export async function transferHost(given: TransferHost | undefined) {
  if (given) return { host: given, close: () => Promise.resolve() };
  const own = await FileTransfers.create();
  return { host: own, close: () => own.close() };
}
