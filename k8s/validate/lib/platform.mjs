// Checks of the platform resources against the code: the KafkaTopics are the contract's topics, sized for
// 16 MiB records and the cluster; HPAs stop at the partitions a service can own; each KafkaUser's ACLs are
// exactly what the service's application.properties uses; alerts and the dashboard name real metrics and runbooks.
import { selects } from "./model.mjs";

const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const REQUIRED_ALERTS = ["LongtailCampaignCollapsing", "LongtailDeadLetterGrowth", "LongtailConsumerLag",
  "LongtailGenerationStalled", "LongtailBackendCircuitOpen"];
const PROMETHEUS_SUFFIXES = ["", "_total", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds", "_count", "_sum", "_max", "_bucket"];

const topicName = (topic) => topic.spec.topicName ?? topic.metadata.name;

/** The KafkaTopics are exactly Topics.java's, sized for 16 MiB records, replicated within the brokers there are. */
export function topicChecks(rendered, context) {
  const topics = rendered.all("KafkaTopic");
  const names = new Set(topics.map(topicName));
  const expected = [...context.contract.loop, ...context.contract.deadLetter];
  const listProblems = [
    ...expected.filter((t) => !names.has(t)).map((t) => `no KafkaTopic for ${t}`),
    ...[...names].filter((t) => !expected.includes(t)).map((t) => `KafkaTopic ${t} is not in Topics.java`),
  ];
  const problems = [];
  const kafka = rendered.all("Kafka")[0];
  const brokers = rendered.all("KafkaNodePool")
    .filter((p) => p.metadata.labels?.["strimzi.io/cluster"] === kafka.metadata.name && p.spec.roles.includes("broker"))
    .reduce((n, p) => n + p.spec.replicas, 0);
  for (const key of ["message.max.bytes", "replica.fetch.max.bytes"]) {
    if (!(+kafka.spec.kafka.config?.[key] >= MAX_RECORD_BYTES)) problems.push(`Kafka ${key} is below 16 MiB`);
  }
  for (const topic of topics) {
    const name = topicName(topic);
    if (topic.metadata.labels?.["strimzi.io/cluster"] !== kafka.metadata.name) problems.push(`${name}: not labelled for cluster ${kafka.metadata.name}`);
    if (!(+topic.spec.config?.["max.message.bytes"] >= MAX_RECORD_BYTES)) problems.push(`${name}: max.message.bytes below 16 MiB`);
    const replicas = topic.spec.replicas, minIsr = +(topic.spec.config?.["min.insync.replicas"] ?? 1);
    if (replicas > brokers) problems.push(`${name}: ${replicas} replicas on ${brokers} brokers`);
    if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) problems.push(`${name}: min.insync.replicas ${minIsr} leaves no broker to lose of ${replicas}`);
  }
  const loopPartitions = new Set(topics.filter((t) => context.contract.loop.includes(topicName(t))).map((t) => t.spec.partitions));
  if (loopPartitions.size !== 1) problems.push(`loop topics differ in partitions (${[...loopPartitions]}): a campaign's records would not line up`);
  return [
    { name: "KafkaTopics are exactly the topics of Topics.java", problems: listProblems },
    { name: "topics take 16 MiB records and fit the brokers", problems },
  ];
}

/** Each service's HPA targets its Deployment and stops at the partitions of the loop topics it consumes; a PDB exists. */
export function scalingChecks(rendered, context) {
  const partitions = new Map(rendered.all("KafkaTopic").map((t) => [topicName(t), t.spec.partitions]));
  return rendered.serviceDeployments().map(({ deployment, service }) => {
    const problems = [];
    const labels = deployment.spec.template.metadata.labels;
    const hpa = rendered.all("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === deployment.metadata.name);
    // the loop topics bound the replicas that get work; a dead-letter topic read back by the admin kit (one
    // partition) is read by one replica while the others still share the loop's partitions
    const consumed = [...context.facts.get(service).consumes].filter((t) => context.contract.loop.includes(t));
    if (!hpa) problems.push("no HorizontalPodAutoscaler");
    else {
      const cap = Math.min(...consumed.map((t) => partitions.get(t) ?? 0));
      if (hpa.spec.maxReplicas > cap) problems.push(`maxReplicas ${hpa.spec.maxReplicas} above the ${cap} partitions of ${consumed.join(", ")}`);
      if ((hpa.spec.minReplicas ?? 1) > hpa.spec.maxReplicas) problems.push("minReplicas above maxReplicas");
    }
    const pdb = rendered.all("PodDisruptionBudget").find((p) => selects(p.spec.selector, labels));
    if (!pdb) problems.push("no PodDisruptionBudget");
    else if (pdb.spec.minAvailable !== undefined && +pdb.spec.minAvailable >= (hpa?.spec.minReplicas ?? 1)) problems.push("the PodDisruptionBudget never lets a node drain");
    return { name: `${deployment.metadata.name}: scales up to its topics' partitions, drains one pod at a time`, problems };
  });
}

/** Each service's KafkaUser grants exactly what its application.properties uses, with the listener's auth. */
export function aclChecks(rendered, context) {
  const listener = rendered.all("Kafka")[0].spec.kafka.listeners.find((l) => l.authentication);
  return rendered.serviceDeployments().map(({ service }) => {
    const facts = context.facts.get(service);
    const user = rendered.find("KafkaUser", `longtail-${service}`);
    const problems = [];
    if (!user) return { name: `KafkaUser/longtail-${service} grants what ${service} uses`, problems: ["no KafkaUser"] };
    if (user.spec.authentication?.type !== listener.authentication.type) problems.push(`authenticates by ${user.spec.authentication?.type}, the listener by ${listener.authentication.type}`);
    const expected = new Map(); // "type name" → { required: Set, allowed: Set }
    const need = (type, name, required, optional = []) => {
      const entry = expected.get(`${type} ${name}`) ?? { required: new Set(), allowed: new Set() };
      required.forEach((op) => { entry.required.add(op); entry.allowed.add(op); });
      optional.forEach((op) => entry.allowed.add(op));
      expected.set(`${type} ${name}`, entry);
    };
    facts.consumes.forEach((t) => need("topic", t, ["Read", "Describe"]));
    facts.produces.forEach((t) => need("topic", t, ["Write", "Describe"]));
    facts.deadLetters.forEach((t) => need("topic", t, ["Write", "Describe"], ["Read"]));
    facts.groups.forEach((g) => need("group", g, ["Read"]));
    const granted = new Map();
    for (const acl of user.spec.authorization?.acls ?? []) {
      const { type, name, patternType = "literal" } = acl.resource;
      if (patternType !== "literal" || name === "*") problems.push(`${type} ${name}: not a literal name`);
      if ((acl.type ?? "allow") !== "allow") continue;
      const key = `${type} ${name}`;
      granted.set(key, new Set([...(granted.get(key) ?? []), ...acl.operations]));
    }
    for (const [key, { required, allowed }] of expected) {
      const ops = granted.get(key) ?? new Set();
      const missing = [...required].filter((op) => !ops.has(op));
      const extra = [...ops].filter((op) => !allowed.has(op));
      if (missing.length) problems.push(`${key}: lacks ${missing.join(", ")}`);
      if (extra.length) problems.push(`${key}: grants ${extra.join(", ")} it does not use`);
    }
    for (const key of granted.keys()) if (!expected.has(key)) problems.push(`${key}: granted but not used by ${facts.file.split("/").slice(-5).join("/")}`);
    return { name: `KafkaUser/longtail-${service} grants exactly what ${service} uses`, problems };
  });
}

/** Whether a Prometheus series name is one of the meters the code registers (Micrometer's naming and suffixes). */
function registered(series, meters) {
  return PROMETHEUS_SUFFIXES.some((suffix) => series.endsWith(suffix) && meters.has(series.slice(0, series.length - suffix.length)));
}

/** Scraping reaches every service; the required alerts exist with runbooks; rules and dashboard use real metrics. */
export function monitoringChecks(rendered, context) {
  const problems = [];
  const monitors = rendered.all("ServiceMonitor");
  for (const { deployment } of rendered.serviceDeployments()) {
    const service = rendered.all("Service").find((s) => selects({ matchLabels: s.spec.selector }, deployment.spec.template.metadata.labels));
    const covered = service && monitors.some((m) => selects(m.spec.selector, service.metadata.labels)
      && m.spec.endpoints.every((e) => service.spec.ports.some((p) => p.name === e.port)));
    if (!covered) problems.push(`${deployment.metadata.name}: no ServiceMonitor scrapes its Service's ${monitors[0]?.spec.endpoints[0]?.port} port`);
  }
  const expressions = [];
  const alerts = new Map();
  for (const rule of rendered.all("PrometheusRule").flatMap((r) => r.spec.groups.flatMap((g) => g.rules))) {
    expressions.push(rule.expr);
    if (!rule.alert) continue;
    alerts.set(rule.alert, rule);
    if (!rule.labels?.severity) problems.push(`${rule.alert}: no severity`);
    if (!rule.annotations?.summary) problems.push(`${rule.alert}: no summary`);
    const anchor = /^docs\/deploy\.md#(.+)$/.exec(rule.annotations?.runbook ?? "")?.[1];
    if (!anchor || !context.deployAnchors.has(anchor)) problems.push(`${rule.alert}: runbook ${rule.annotations?.runbook} is no heading of docs/deploy.md`);
  }
  REQUIRED_ALERTS.filter((a) => !alerts.has(a)).forEach((a) => problems.push(`no alert ${a}`));
  const dashboards = rendered.all("ConfigMap").filter((c) => c.metadata.labels?.grafana_dashboard === "1");
  if (!dashboards.length) problems.push("no Grafana dashboard ConfigMap");
  for (const map of dashboards) {
    for (const [file, text] of Object.entries(map.data ?? {})) {
      let dashboard;
      try { dashboard = JSON.parse(text); } catch (e) { problems.push(`${file}: ${e.message}`); continue; }
      if (!dashboard.uid || !dashboard.title) problems.push(`${file}: no uid or title`);
      for (const panel of dashboard.panels ?? []) {
        if (!panel.targets?.length) problems.push(`${file}: panel "${panel.title}" queries nothing`);
        expressions.push(...(panel.targets ?? []).map((t) => t.expr));
      }
    }
  }
  const unknown = new Set();
  for (const expr of expressions) {
    for (const [series] of expr.matchAll(/\blongtail_[a-z0-9_]+/g)) if (!registered(series, context.meters)) unknown.add(series);
  }
  unknown.forEach((series) => problems.push(`${series} is registered by no service (rules or dashboard)`));
  return [{ name: "monitoring scrapes every service; alerts and dashboard use real metrics and runbooks", problems }];
}
