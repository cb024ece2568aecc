/**
 * `GET /projects/{id}/comments/`: the project chat, newest first, paged (`ProjectChatDTO`).
 *
 * @module
 */

import { z } from "../deps.ts";
import { Pagination } from "./common.ts";

/**
 * One chat message; `timestamp` is `isoformat() + "Z"`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ChatMessage } from "./comments.ts";
 * const m = ChatMessage.parse({
 *   id: 7, message: "Thanks!", pictureUrl: null, timestamp: "2024-05-01T12:34:56Z", username: "ana",
 * });
 * assert.equal(m.id, 7);
 * ```
 */
export const ChatMessage = z.object({
  id: z.number().int().nullable(),
  message: z.string(),
  pictureUrl: z.string().nullable(),
  timestamp: z.string(),
  username: z.string(),
});
/** One chat message. */
export type ChatMessage = z.infer<typeof ChatMessage>;

/**
 * The body. A project without messages sends `{"chat": [], "pagination": null}`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ProjectChat } from "./comments.ts";
 * assert.equal(ProjectChat.parse({ chat: [], pagination: null }).pagination, null);
 * ```
 */
export const ProjectChat = z.object({
  chat: z.array(ChatMessage).nullable(),
  pagination: Pagination.nullable(),
});
/** The project chat body. */
export type ProjectChat = z.infer<typeof ProjectChat>;
