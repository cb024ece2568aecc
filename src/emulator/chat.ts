/**
 * Project chat: the `project_chat` rows behind `/projects/{id}/comments/`, and the
 * `totalComments` of `/projects/{id}/statistics/` (each project gets exactly its
 * `chatMessages` messages).
 *
 * Messages are drawn from their own generator (seeded by the world's seed), so adding chat left
 * every other part of a seeded world as it was. Ids follow time order across the world, as a
 * database sequence gives them.
 *
 * @module
 */

import type { ChatMessage, Micros, Project, World } from "./model.ts";
import { Rng } from "./rng.ts";
import { COMMENTS } from "./names.ts";

const CHAT_SALT = 0x63686174;
const MESSAGES: readonly string[] = [
  ...COMMENTS,
  "Is the imagery offset in the north? It looks shifted to me.",
  "Thanks everyone, 80% mapped!",
  "<p>Validators: please start with the <strong>urban</strong> tasks.</p>",
  "¿Alguien puede revisar las tareas del sur?",
];

function messagesOf(rng: Rng, world: World, project: Project): Omit<ChatMessage, "id">[] {
  const posters = [project.authorId, ...rng.sample(world.users, 6).map((u) => u.id)];
  const span = Math.max(0, world.now - project.created);
  const out: Omit<ChatMessage, "id">[] = [];
  for (let i = 0; i < project.chatMessages; i++) {
    const timestamp: Micros = project.created + Math.floor(rng.next() ** 0.5 * span);
    out.push({
      projectId: project.id,
      userId: rng.pick(posters),
      message: rng.pick(MESSAGES),
      timestamp,
    });
  }
  return out;
}

/**
 * Every project's chat messages, oldest first, with ids in that order: `project.chatMessages`
 * messages per project, posted between the project's creation and the world's clock by its
 * author and a few other users.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "./world.ts";
 * import { makeChat } from "./chat.ts";
 * const world = createWorld({ seed: 3, projects: 6 });
 * const chat = makeChat(world);
 * const expected = world.projects.reduce((n, p) => n + p.chatMessages, 0);
 * assert.equal(chat.length, expected);
 * assert.deepEqual(chat, world.chat);
 * ```
 */
export function makeChat(world: World): ChatMessage[] {
  const rng = new Rng(world.seed ^ CHAT_SALT);
  const all = world.projects.flatMap((p) => messagesOf(rng.fork(p.id), world, p));
  all.sort((a, b) => a.timestamp - b.timestamp || a.projectId - b.projectId);
  return all.map((m, i) => ({ id: i + 1, ...m }));
}
