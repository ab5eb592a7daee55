// The checks fail when the manifests break a rule: each test breaks one thing in the rendered prod overlay and
// expects the matching check to name it, so that a green check.mjs means something.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Rendered } from "../lib/model.mjs";
import { crdFolder, loadCrdValidators, validateObject } from "../lib/schemas.mjs";
import { projectContext, renderTarget, ruleChecks } from "../lib/suite.mjs";
import { composeChecks, readCompose } from "../lib/compose.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
let prod, context;

before(() => {
  prod = renderTarget(join(root, "k8s"), "overlays/prod");
  const secrets = renderTarget(join(root, "k8s"), "secrets");
  context = projectContext(root, new Map(secrets.all("Secret").map((s) => [s.metadata.name, Object.keys(s.stringData)])));
});

/** The problems the rules find in the prod overlay after `change` edits a copy of its objects. */
function problemsAfter(change, facts = context) {
  const objects = structuredClone(prod.objects);
  change(objects);
  return ruleChecks(new Rendered("overlays/prod", objects), facts, { deployable: true }).flatMap((c) => c.problems);
}

const named = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
/** A generated ConfigMap, by the name before Kustomize's hash suffix. */
const configMapOf = (objects, name) => objects.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith(`${name}-`));
const appOf = (objects, name) => named(objects, "Deployment", name).spec.template.spec.containers[0];

test("the prod overlay as committed passes every rule", () => {
  assert.deepEqual(problemsAfter(() => {}), []);
});

test("a Deployment without a readiness probe fails", () => {
  const problems = problemsAfter((o) => { delete appOf(o, "curator-service").readinessProbe; });
  assert.ok(problems.includes("no readinessProbe"), problems.join("\n"));
});

test("probes on the management port fail when no build enables the management interface", () => {
  const facts = new Map([...context.facts].map(([service, f]) => [service, { ...f, managementEnabled: false }]));
  const problems = problemsAfter(() => {}, { ...context, facts, imageManagementEnabled: false });
  assert.ok(problems.some((p) => p.startsWith("the probes use the management port, but neither the image build")), problems.join("\n"));
});

test("a variable the service's %prod profile requires but the Deployment does not set fails", () => {
  const problems = problemsAfter((o) => { delete configMapOf(o, "longtail-common").data.MP_JWT_VERIFY_PUBLICKEY_LOCATION; });
  for (const service of ["evolver", "generator", "curator", "evaluator"]) {
    assert.ok(problems.includes(`MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set, and ${service}-service's %prod profile requires it`),
      problems.join("\n"));
  }
});

test("an evolver without the evaluator's URL fails", () => {
  const problems = problemsAfter((o) => { delete configMapOf(o, "evolver-service").data.LONGTAIL_EVOLVER_EVALUATOR_URL; });
  assert.ok(problems.includes("LONGTAIL_EVOLVER_EVALUATOR_URL is not set, and evolver-service's %prod profile requires it"),
    problems.join("\n"));
});

test("a writable root filesystem fails", () => {
  const problems = problemsAfter((o) => { appOf(o, "evolver-service").securityContext.readOnlyRootFilesystem = false; });
  assert.ok(problems.some((p) => p.includes("readOnlyRootFilesystem is not true")), problems.join("\n"));
});

test("a grace period shorter than the shutdown timeout fails", () => {
  const problems = problemsAfter((o) => { named(o, "Deployment", "generator-service").spec.template.spec.terminationGracePeriodSeconds = 10; });
  assert.ok(problems.some((p) => p.startsWith("terminationGracePeriodSeconds 10 is not above")), problems.join("\n"));
});

test("an HPA above its topics' partitions fails", () => {
  const problems = problemsAfter((o) => { named(o, "HorizontalPodAutoscaler", "generator-service").spec.maxReplicas = 7; });
  assert.ok(problems.some((p) => p.startsWith("maxReplicas 7 above the 6 partitions")), problems.join("\n"));
});

test("a Secret with a value fails", () => {
  const problems = problemsAfter((o) => o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "leak" }, stringData: { token: "s3cret" } }));
  assert.ok(problems.includes("key token has a value"), problems.join("\n"));
});

test("a KafkaUser that may write a topic its service only reads fails, and so does a missing group ACL", () => {
  const problems = problemsAfter((o) => {
    const acls = named(o, "KafkaUser", "longtail-curator").spec.authorization.acls;
    acls.find((a) => a.resource.name === "longtail.samples.generated").operations.push("Write");
    acls.splice(acls.findIndex((a) => a.resource.type === "group"), 1);
  });
  assert.ok(problems.includes("topic longtail.samples.generated: grants Write it does not use"), problems.join("\n"));
  assert.ok(problems.includes("group longtail-curator: lacks Read"), problems.join("\n"));
});

test("a missing loop topic and unequal partitions fail", () => {
  const problems = problemsAfter((o) => {
    o.splice(o.indexOf(named(o, "KafkaTopic", "longtail.seeds.evolved")), 1);
    named(o, "KafkaTopic", "longtail.datasets.sealed").spec.partitions = 12;
  });
  assert.ok(problems.includes("no KafkaTopic for longtail.seeds.evolved"), problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith("loop topics differ in partitions")), problems.join("\n"));
});

test("without the evolver's egress policy it cannot call the generator", () => {
  const problems = problemsAfter((o) => o.splice(o.indexOf(named(o, "NetworkPolicy", "evolver-service-egress")), 1));
  assert.ok(problems.includes("cannot call http://generator-service:8081 (QUARKUS_REST_CLIENT_GENERATOR_URL)"), problems.join("\n"));
});

test("a Kafka listener that admits other pods only shuts the services out", () => {
  const problems = problemsAfter((o) => {
    named(o, "Kafka", "longtail").spec.kafka.listeners[0].networkPolicyPeers = [{ podSelector: { matchLabels: { app: "other" } } }];
  });
  assert.ok(problems.includes("the Kafka listener tls does not admit it"), problems.join("\n"));
});

test("a ClusterRole and a token on an unbound account fail", () => {
  const problems = problemsAfter((o) => {
    o.push({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "wide" }, rules: [] });
    named(o, "ServiceAccount", "longtail-curator").automountServiceAccountToken = true;
  });
  assert.ok(problems.includes("ClusterRole/wide: cluster-wide rights"), problems.join("\n"));
  assert.ok(problems.includes("Deployment/curator-service: mounts a token it has no use for"), problems.join("\n"));
});

test("a datasource on the wrong schema and a Secret nobody writes fail", () => {
  const problems = problemsAfter((o) => {
    const map = o.find((x) => x.kind === "ConfigMap" && x.metadata.name.startsWith("curator-service"));
    map.data.QUARKUS_DATASOURCE_JDBC_URL = map.data.QUARKUS_DATASOURCE_JDBC_URL.replace("currentSchema=curator", "currentSchema=evolver");
    appOf(o, "curator-service").env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG").valueFrom.secretKeyRef.name = "typo";
  });
  assert.ok(problems.includes("QUARKUS_DATASOURCE_JDBC_URL does not select schema curator"), problems.join("\n"));
  assert.ok(problems.includes("Secret typo is neither in the manifests nor written by an operator"), problems.join("\n"));
});

test("an alert on a metric no service registers, or with a runbook that is no heading, fails", () => {
  const problems = problemsAfter((o) => {
    const rule = named(o, "PrometheusRule", "longtail").spec.groups[0].rules[0];
    rule.expr = "longtail_evaluator_colapsing == 1";
    rule.annotations.runbook = "docs/deploy.md#nowhere";
  });
  assert.ok(problems.includes("longtail_evaluator_colapsing is registered by no service (rules or dashboard)"), problems.join("\n"));
  assert.ok(problems.some((p) => p.endsWith("runbook docs/deploy.md#nowhere is no heading of docs/deploy.md")), problems.join("\n"));
});

test("an unknown field in a Strimzi resource fails its CRD schema", { skip: !crdFolder(root) && "no CRDs" }, async () => {
  const validators = loadCrdValidators(crdFolder(root));
  const kafka = structuredClone(prod.find("Kafka", "longtail"));
  assert.deepEqual((await validateObject(kafka, validators)).problems, []);
  kafka.spec.kafka.listeners[0].networkPolicyPeer = [];
  assert.deepEqual((await validateObject(kafka, validators)).problems, ["/spec/kafka/listeners/0: unknown field networkPolicyPeer"]);
});

test("a wrong type in a built-in kind fails its schema", async () => {
  const hpa = structuredClone(prod.find("HorizontalPodAutoscaler", "evolver-service"));
  hpa.spec.maxReplicas = "six";
  assert.notDeepEqual((await validateObject(hpa, null)).problems, []);
});

test("a compose service on another's schema, or writable, fails; the committed compose file passes", () => {
  const compose = readCompose(root);
  assert.deepEqual(composeChecks(compose, context).flatMap((c) => c.problems), []);
  compose.services.curator.environment.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://postgres:5432/longtail?currentSchema=evolver";
  compose.services.curator.read_only = false;
  const problems = composeChecks(compose, context).flatMap((c) => c.problems);
  assert.ok(problems.some((p) => p.endsWith("is not schema curator of the postgres service's database")), problems.join("\n"));
  assert.ok(problems.includes("not read-only with a /tmp tmpfs"), problems.join("\n"));
});
