/**
 * The arguments of an endpoint under `/projects/{id}/`.
 *
 * @module
 */

/** The project an endpoint is about (a positive integer, checked by the caller). */
export interface ProjectArgs {
  readonly projectId: number;
}
