import assert from "node:assert/strict";
import { describeBody, readErrorBody } from "../src/error_body.ts";

Deno.test("readErrorBody() reads TM's route-level form, trimming the leading space", () => {
  const body = readErrorBody(
    '{"Error": " Unable to fetch project", "SubCode": "ProjectNotFetched"}',
    "application/json",
  );
  assert.equal(body.subCode, "ProjectNotFetched");
  assert.equal(body.serverMessage, "Unable to fetch project");
});

Deno.test("readErrorBody() reads a route-level body without SubCode", () => {
  const body = readErrorBody('{"Error": "Projects GET - \'FOO\'"}', "application/json");
  assert.equal(body.subCode, undefined);
  assert.equal(body.serverMessage, "Projects GET - 'FOO'");
});

Deno.test("readErrorBody() reads TM's exception form with details", () => {
  const body = readErrorBody(
    '{"error":{"code":404,"sub_code":"PROJECT_NOT_FOUND","message":"The requested project was not found on the server.","details":{"project_id":999}}}',
    "application/json",
  );
  assert.deepEqual(body, {
    subCode: "PROJECT_NOT_FOUND",
    serverMessage: "The requested project was not found on the server.",
    details: { project_id: 999 },
  });
});

Deno.test("readErrorBody() reads FastAPI's detail string and validation list", () => {
  assert.equal(
    readErrorBody('{"detail":"Not authenticated"}', "application/json").serverMessage,
    "Not authenticated",
  );
  const list = readErrorBody(
    '{"detail":[{"type":"int_parsing","loc":["query","page"],"msg":"Input should be a valid integer","input":"x"}]}',
    "application/json",
  );
  assert.equal(list.serverMessage, "query.page: Input should be a valid integer");
});

Deno.test("readErrorBody() quotes plain text and describes HTML and empty bodies", () => {
  assert.equal(
    readErrorBody("Internal Server Error", "text/plain").serverMessage,
    "Internal Server Error",
  );
  assert.match(
    readErrorBody("<html><h1>502 Bad Gateway</h1></html>", "text/html").serverMessage ?? "",
    /HTML page/,
  );
  assert.equal(readErrorBody("", null).serverMessage, "an empty body");
  assert.deepEqual(readErrorBody("[1,2]", "application/json"), {});
});

Deno.test("describeBody() quotes the start of a non-JSON body", () => {
  assert.match(describeBody('{"results": [', "application/json"), /starts "\{\\"results\\": \["/);
});
