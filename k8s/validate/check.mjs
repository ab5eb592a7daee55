// Offline check of Longtail's Kubernetes manifests (k8s/README.md): renders every kustomization with
// `kubectl kustomize`, validates every object against its schema (Kubernetes, prometheus-operator, and the Strimzi
// and CloudNativePG CRDs of ../shared/k8s-crds), then applies the rules schemas cannot express (lib/suite.mjs).
// Prints the failures and closes with "manifests: N passed, M failed" (VERBOSE=1 prints every check).
// LONGTAIL_REQUIRE_CRDS=true turns missing CRDs into a failure (CI); LONGTAIL_K8S_CRDS names another CRD folder.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crdFolder, isOperatorResource, loadCrdValidators, validateObject } from "./lib/schemas.mjs";
import { parseYaml, projectContext, referenceJobProblems, renderTarget, ruleChecks } from "./lib/suite.mjs";
import { podHardeningProblems } from "./lib/workloads.mjs";
import { composeChecks, readCompose } from "./lib/compose.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const k8s = join(root, "k8s");
/** The kustomizations, and whether each is applied to a cluster (an overlay) or is a building block or template. */
const TARGETS = [
  { dir: "base", deployable: false },
  { dir: "overlays/dev", deployable: true },
  { dir: "overlays/prod", deployable: true },
  { dir: "secrets", deployable: false },
];
const REFERENCE_JOB = "reference/downstream-job.yaml";

let passed = 0, failed = 0, skipped = 0;
function report(target, { name, problems }) {
  if (problems.length) {
    failed++;
    console.log(`FAIL  ${target}: ${name}`);
    for (const p of problems) console.log(`        - ${p}`);
  } else {
    passed++;
    if (process.env.VERBOSE) console.log(`ok    ${target}: ${name}`);
  }
}

const started = Date.now();
const crds = crdFolder(root);
const crdValidators = crds ? loadCrdValidators(crds) : null;
if (!crds) {
  console.log("!!! ============================================================================================");
  console.log("!!! The Strimzi and CloudNativePG CRDs (../shared/k8s-crds, or LONGTAIL_K8S_CRDS) are missing:");
  console.log("!!! Kafka, KafkaNodePool, KafkaTopic, KafkaUser and Cluster objects are NOT schema-checked.");
  console.log("!!! ============================================================================================");
}

async function schemaChecks(target, objects) {
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata?.name} matches its schema`;
    const result = await validateObject(object, crdValidators);
    if (result.checked) report(target, { name, problems: result.problems });
    else if (isOperatorResource(object.apiVersion) && !crdValidators) skipped++;
    else report(target, { name, problems: [`no schema for ${object.apiVersion} ${object.kind}`] });
  }
}

const renders = new Map();
for (const { dir } of TARGETS) {
  const rendered = renderTarget(k8s, dir);
  report(dir, { name: "renders with kubectl kustomize", problems: rendered.error ? [rendered.error] : [] });
  if (!rendered.error) renders.set(dir, rendered);
}
const templates = new Map((renders.get("secrets")?.all("Secret") ?? [])
  .map((s) => [s.metadata.name, Object.keys({ ...s.data, ...s.stringData })]));
const context = projectContext(root, templates);
const referenceJob = parseYaml(readFileSync(join(k8s, REFERENCE_JOB), "utf8"), REFERENCE_JOB);

for (const { dir, deployable } of TARGETS) {
  const rendered = renders.get(dir);
  if (!rendered) continue;
  await schemaChecks(dir, rendered.objects);
  ruleChecks(rendered, context, { deployable, extraPods: referenceJob }).forEach((check) => report(dir, check));
}

// The downstream Job's reference pod spec: valid, hardened, and run by an account that can do nothing.
await schemaChecks(REFERENCE_JOB, referenceJob);
for (const job of referenceJob) {
  const problems = referenceJobProblems(job, renders.get("overlays/prod"), podHardeningProblems);
  report(REFERENCE_JOB, { name: `Job/${job.metadata.name}: hardened pod, powerless ServiceAccount`, problems });
}

// docker/compose.yaml, for people with Docker: the same configuration, checked the same way.
composeChecks(readCompose(root), context).forEach((check) => report("docker/compose.yaml", check));

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`checked ${TARGETS.length} kustomizations, ${REFERENCE_JOB} and docker/compose.yaml in ${seconds} s`
  + (skipped ? `; ${skipped} custom resources not schema-checked (no CRDs)` : ""));
console.log(`manifests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
const crdsRequired = process.env.LONGTAIL_REQUIRE_CRDS === "true";
if (crdsRequired && !crds) console.error("error: LONGTAIL_REQUIRE_CRDS=true and the CRDs are missing");
process.exit(failed || (crdsRequired && !crds) ? 1 : 0);
