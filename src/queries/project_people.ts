/**
 * The people of a project: who mapped which tasks still waiting for validation
 * (`GET /projects/{id}/tasks/queries/mapped/`) and the project chat
 * (`GET /projects/{id}/comments/`, paged).
 *
 * @module
 */

import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { ProjectChat } from "../schemas/comments.ts";
import { MappedTasks } from "../schemas/mapped_tasks.ts";
import type { ProjectArgs } from "./project_args.ts";
import type { ChatMessage, MappedTasksByUser } from "../rows.ts";

/**
 * `/projects/{id}/tasks/queries/mapped/`: one row per mapper of tasks now MAPPED (waiting for
 * validation), with those task ids, the mapper's level and when they were last seen.
 */
export const MAPPED_TASKS_ENDPOINT: Endpoint<MappedTasks, MappedTasksByUser, ProjectArgs> =
  defineEndpoint({
    request: ({ projectId }) => ({
      path: `projects/${projectId}/tasks/queries/mapped/`,
      params: {},
    }),
    body: MappedTasks,
    rows: (body) => body.mappedTasks,
    key: (row) => row.username,
    columns: {
      username: { kind: "str" },
      mappedTaskCount: { kind: "int" },
      tasksMapped: { kind: "list<int>" },
      lastSeen: { kind: "datetime" },
      mappingLevel: { kind: "str" },
      dateRegistered: { kind: "datetime" },
      lastValidationDate: { kind: "datetime" },
    },
  });

/** `/projects/{id}/comments/`: the project chat, newest first, 20 messages a page. */
export const PROJECT_CHAT_ENDPOINT: Endpoint<ProjectChat, ChatMessage, ProjectArgs> =
  defineEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/comments/`, params: {} }),
    body: ProjectChat,
    rows: (body) => body.chat ?? [],
    pagination: (body) => body.pagination,
    key: (row) => row.id ?? `${row.timestamp} ${row.username} ${row.message}`,
    columns: {
      id: { kind: "int" },
      message: { kind: "str" },
      pictureUrl: { kind: "str" },
      timestamp: { kind: "datetime" },
      username: { kind: "str" },
    },
    perPage: 20,
  });
