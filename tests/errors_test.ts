import assert from "node:assert/strict";
import { ApiError, DriftError, NetworkError, redact, SchemaError, TmError } from "../src/errors.ts";

Deno.test("every tmframes error is a TmError with its own name", () => {
  const errors = [
    new ApiError({ url: "u", status: 500 }),
    new SchemaError({ url: "u", issues: [] }),
    new NetworkError({ url: "u", failure: "network", detail: "d", attempts: 1 }),
    new DriftError({ url: "u", rows: 1, total: 2, passes: 3 }),
  ];
  assert.deepEqual(errors.map((error) => error instanceof TmError), [true, true, true, true]);
  assert.deepEqual(errors.map((error) => error.name), [
    "ApiError",
    "SchemaError",
    "NetworkError",
    "DriftError",
  ]);
});

Deno.test("ApiError reads 'Cannot fetch <url>: HTTP <status> <subCode>: <message>'", () => {
  const error = new ApiError({
    url: "https://tm.example/api/v2/projects/9/",
    status: 403,
    subCode: "PrivateProject",
    serverMessage: "User not permitted: Private Project",
    attempts: 1,
  });
  assert.equal(
    error.message,
    "Cannot fetch https://tm.example/api/v2/projects/9/: HTTP 403 PrivateProject: User not permitted: Private Project",
  );
  assert.equal(
    new ApiError({ url: "u", status: 502, attempts: 5 }).message,
    "Cannot fetch u: HTTP 502 (after 5 attempts)",
  );
});

Deno.test("SchemaError names the page, the path of each issue, and counts the rest", () => {
  const issues = [1, 2, 3, 4, 5].map((i) => ({
    path: ["results", i, "status"],
    message: "Invalid option",
  }));
  const error = new SchemaError({ url: "u", page: 3, issues });
  assert.match(
    error.message,
    /^Cannot read u \(page 3\): the body does not match its schema: results\.1\.status/,
  );
  assert.match(error.message, /and 2 more$/);
  assert.equal(error.issues.length, 5);
});

Deno.test("NetworkError keeps the failure kind, the status of a broken body and the cause", () => {
  const cause = new TypeError("connection reset");
  const error = new NetworkError({
    url: "u",
    failure: "body",
    detail: "the body was cut off",
    attempts: 3,
    status: 200,
    cause,
  });
  assert.equal(error.failure, "body");
  assert.equal(error.status, 200);
  assert.equal(error.cause, cause);
  assert.equal(error.message, "Cannot fetch u: the body was cut off (after 3 attempts)");
});

Deno.test("redact() removes every occurrence of the secret", () => {
  assert.equal(redact("a s3cr3t b s3cr3t", "s3cr3t"), "a [redacted] b [redacted]");
  assert.equal(redact("as is", ""), "as is");
});
