import type { Content, Entry, Har, Header, PostDataText, Request, Response } from 'har-format';

/** HAR 1.2 as @types/har-format has it (http://www.softwareishard.com/blog/har-12-spec/), with what we add. */

export type HarNameValue = Header;
export type HarContent = Content;
export type HarRequest = Request;
export type HarResponse = Response;

/** Not in HAR 1.2, but what HAR tools use for a binary body: `text` is then base64. */
export type HarPostData = PostDataText & { mimeType: string; comment?: string; encoding?: 'base64' };

/** What we add, as HAR allows, with a leading underscore; our own import reads it back. */
export interface HarInspectorFields {
  _exchangeId?: string;
  _kind?: string;
  _origin?: string;
  _auth?: { result: string; header: string; message?: string };
}

export type HarEntry = Entry & HarInspectorFields;

export type HarLog = Har;
