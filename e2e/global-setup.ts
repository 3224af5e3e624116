import type { FullConfig } from '@playwright/test';
import { electronBinary } from './electron-app';

/** Say once, up front, why the Electron project's tests will show as skipped (the list reporter hides reasons). */
export default function globalSetup(config: FullConfig): void {
  const electronSelected = config.projects.some((project) => project.name === 'electron');
  const binary = electronBinary();
  if (electronSelected && 'reason' in binary) {
    process.stdout.write(`Project electron: its tests are skipped. ${binary.reason}\n`);
  }
}
