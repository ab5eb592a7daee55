// The checks as one suite, shared by check.mjs and the tests: the project's facts, rendering a kustomization, and
// every rule that applies to a rendered target.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { Rendered } from "./model.mjs";
import { contractTopics, imageManagementEnabled, markdownAnchors, registeredMeters, serviceFacts, SERVICES } from "./project.mjs";
import { deploymentChecks, rbacChecks, referenceChecks, secretChecks, serviceConfigChecks } from "./workloads.mjs";
import { networkChecks } from "./network.mjs";
import { aclChecks, monitoringChecks, scalingChecks, topicChecks } from "./platform.mjs";

/** Parses a multi-document YAML stream, failing on the first syntax error. */
export function parseYaml(text, source) {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(`${source}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter(Boolean);
}

/** Renders k8s/DIR with kubectl kustomize: a Rendered, or { error } with kubectl's message. */
export function renderTarget(k8s, dir) {
  try {
    const text = execFileSync("kubectl", ["kustomize", join(k8s, dir)], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
    return new Rendered(dir, parseYaml(text, dir));
  } catch (e) {
    if (e.code === "ENOENT") throw new Error("kubectl is not installed; it renders the kustomizations (kubectl kustomize)");
    return { error: (e.stderr || e.message).trim() };
  }
}

/** What the manifests are checked against, read from the project: services' properties, topics, meters, docs. */
export function projectContext(root, secretTemplates = new Map()) {
  return {
    facts: new Map(SERVICES.map((s) => [s, serviceFacts(root, s)])),
    contract: contractTopics(root),
    meters: registeredMeters(root),
    deployAnchors: markdownAnchors(readFileSync(join(root, "docs/deploy.md"), "utf8")),
    secretTemplates,
    imageManagementEnabled: imageManagementEnabled(root),
  };
}

/** Every rule for a rendered target ({ name, problems } each); the workload rules only where there are Deployments. */
export function ruleChecks(rendered, context, { deployable = false, extraPods = [] } = {}) {
  const checks = [...secretChecks(rendered)];
  if (!rendered.all("Deployment").length) return checks;
  const ctx = { ...context, deployable };
  return [...checks, ...deploymentChecks(rendered, ctx), ...referenceChecks(rendered, ctx), ...serviceConfigChecks(rendered, ctx),
    ...rbacChecks(rendered), ...networkChecks(rendered, extraPods), ...topicChecks(rendered, ctx),
    ...scalingChecks(rendered, ctx), ...aclChecks(rendered, ctx), ...monitoringChecks(rendered, ctx)];
}

/** What the downstream Job's reference spec lacks: a hardened pod run by a powerless, configured ServiceAccount. */
export function referenceJobProblems(job, prod, podHardeningProblems) {
  const spec = job.spec.template.spec;
  const problems = podHardeningProblems(spec);
  const account = prod?.find("ServiceAccount", spec.serviceAccountName);
  if (!account) problems.push(`ServiceAccount ${spec.serviceAccountName} is not in overlays/prod`);
  else if (account.automountServiceAccountToken !== false || spec.automountServiceAccountToken !== false) problems.push("mounts an API token");
  if (prod?.all("RoleBinding").some((b) => b.subjects?.some((s) => s.name === spec.serviceAccountName))) problems.push("its ServiceAccount is bound to a Role");
  if (!(job.spec.activeDeadlineSeconds > 0) || job.spec.backoffLimit === undefined) problems.push("no deadline or backoff limit");
  const evaluator = prod?.find("Deployment", "evaluator-service")?.spec.template.spec.containers[0];
  if (evaluator && prod.environment(evaluator).get("LONGTAIL_EVALUATOR_DOWNSTREAM_SERVICE_ACCOUNT") !== spec.serviceAccountName) {
    problems.push("the evaluator is not configured to run Jobs as this ServiceAccount");
  }
  return problems;
}
