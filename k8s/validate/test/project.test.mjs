// Reading the project's facts: properties files as Java reads them, Quarkus durations, GitHub heading anchors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { durationSeconds, markdownAnchors, parseProperties, prodProfile } from "../lib/project.mjs";

test("properties keep the prod profile's value over the unprofiled one and drop other profiles", () => {
  const props = prodProfile(parseProperties("a=1\n%prod.a=2\n%test.b=3\n# c=4\nlong = x \\\n  y\n"));
  assert.deepEqual([...props], [["a", "2"], ["long", "x y"]]);
});

test("durations read as Quarkus reads them", () => {
  assert.equal(durationSeconds("20s"), 20);
  assert.equal(durationSeconds("PT1M30S"), 90);
  assert.equal(durationSeconds("1500ms"), 1.5);
  assert.equal(durationSeconds("45"), 45);
  assert.throws(() => durationSeconds("soon"));
});

test("heading anchors follow GitHub's rule", () => {
  assert.ok(markdownAnchors("## Runbook: a `collapsing` verdict\n").has("runbook-a-collapsing-verdict"));
});
