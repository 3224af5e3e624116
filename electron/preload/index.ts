import { contextBridge, ipcRenderer } from 'electron';
import { createInspectorApi } from './inspector-api';

contextBridge.exposeInMainWorld('inspector', createInspectorApi(ipcRenderer));
