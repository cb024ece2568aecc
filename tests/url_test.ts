import assert from "node:assert/strict";
import { compileUrl, encodeWireValue, isLoopback, pathSegment, withPage } from "../src/url.ts";

const BASE = new URL("https://tm.example/api/v2/");

Deno.test("compileUrl() keeps the base path, the trailing slash and the parameter order", () => {
  const url = compileUrl(BASE, "projects/12/statistics/", { b: 1, a: "x y", skip: undefined });
  assert.equal(url.href, "https://tm.example/api/v2/projects/12/statistics/?b=1&a=x+y");
});

Deno.test("compileUrl() encodes lists with commas and booleans as words", () => {
  const url = compileUrl(BASE, "projects/", { interests: [3, 1], exact: true, none: false });
  assert.equal(url.searchParams.get("interests"), "3,1");
  assert.equal(url.searchParams.get("exact"), "true");
  assert.equal(url.searchParams.get("none"), "false");
});

Deno.test("compileUrl() refuses an absolute path, which would drop /api/v2/", () => {
  assert.throws(() => compileUrl(BASE, "/projects/"), TypeError);
});

Deno.test("withPage() sets the page without touching other parameters or the input", () => {
  const first = compileUrl(BASE, "projects/", { a: 1 });
  const third = withPage(first, 3);
  assert.equal(third.search, "?a=1&page=3");
  assert.equal(first.search, "?a=1");
  assert.equal(withPage(third, 4).search, "?a=1&page=4");
});

Deno.test("encodeWireValue() joins strings", () => {
  assert.equal(encodeWireValue(["ROADS", "BUILDINGS"]), "ROADS,BUILDINGS");
});

Deno.test("isLoopback() knows 127.0.0.0/8, localhost and [::1] only", () => {
  for (
    const host of [
      "http://127.0.0.1:1/",
      "http://127.9.8.7/",
      "http://localhost:8000/",
      "http://[::1]:80/",
    ]
  ) {
    assert.equal(isLoopback(new URL(host)), true, host);
  }
  for (
    const host of [
      "http://10.0.0.1/",
      "http://128.0.0.1/",
      "http://localhost.evil.example/",
      "http://127.0.0.1.example/",
    ]
  ) {
    assert.equal(isLoopback(new URL(host)), false, host);
  }
});

Deno.test("pathSegment() keeps a user value to one segment and refuses dot segments", () => {
  const base = new URL("https://tm.example/api/v2/");
  for (const name of ["a/b", "..%2F", "%2e%2e", "?x=1", "#top", "Ana María"]) {
    const url = new URL(`users/${pathSegment("username", name)}/statistics/`, base);
    assert.equal(url.pathname.split("/").length, 7, url.pathname);
    assert.equal(decodeURIComponent(url.pathname.split("/")[4]!), name);
  }
  for (const name of ["", ".", ".."]) {
    assert.throws(() => pathSegment("username", name), RangeError);
  }
  assert.throws(() => pathSegment("username", 7), /^TypeError: Cannot use username 7: /);
});
