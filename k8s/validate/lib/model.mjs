// A rendered overlay as the checks see it: its objects by kind and name, label selectors, the environment a
// container gets, and the pods the operators create (Kafka brokers, PostgreSQL instances) that no manifest lists.

/** Whether labels satisfy a LabelSelector (matchLabels and matchExpressions). */
export function selects(selector, labels = {}) {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    if (operator === "In" && !(has && values.includes(labels[key]))) return false;
    if (operator === "NotIn" && has && values.includes(labels[key])) return false;
    if (operator === "Exists" && !has) return false;
    if (operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** The objects of one rendered target, with lookups. */
export class Rendered {
  constructor(target, objects) {
    this.target = target;
    this.objects = objects;
  }

  all(kind) {
    return this.objects.filter((o) => o.kind === kind);
  }

  find(kind, name) {
    return this.objects.find((o) => o.kind === kind && o.metadata?.name === name);
  }

  /** Service Deployments (component=service), each with its short service name ("evolver-service" → "evolver"). */
  serviceDeployments() {
    return this.all("Deployment")
      .filter((d) => d.metadata.labels?.["app.kubernetes.io/component"] === "service")
      .map((deployment) => ({ deployment, service: deployment.metadata.name.replace(/-service$/, "") }));
  }

  /** A ConfigMap by the name a Deployment refers to (kustomize's hashed name). */
  configMap(name) {
    return this.find("ConfigMap", name);
  }

  /**
   * The environment of a container: ConfigMap values and literal values as strings, Secret keys as
   * { secret, key }, downward-API fields as { field }. Later sources win, as in Kubernetes (env over envFrom).
   */
  environment(container) {
    const env = new Map();
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) {
        const data = this.configMap(source.configMapRef.name)?.data ?? {};
        for (const [key, value] of Object.entries(data)) env.set(key, value);
      }
      if (source.secretRef) env.set(`<secret ${source.secretRef.name}>`, { secret: source.secretRef.name, all: true });
    }
    for (const entry of container.env ?? []) {
      if (entry.value !== undefined) env.set(entry.name, entry.value);
      else if (entry.valueFrom?.secretKeyRef) {
        env.set(entry.name, { secret: entry.valueFrom.secretKeyRef.name, key: entry.valueFrom.secretKeyRef.key });
      } else if (entry.valueFrom?.configMapKeyRef) {
        const ref = entry.valueFrom.configMapKeyRef;
        env.set(entry.name, this.configMap(ref.name)?.data?.[ref.key]);
      } else if (entry.valueFrom?.fieldRef) env.set(entry.name, { field: entry.valueFrom.fieldRef.fieldPath });
    }
    return env;
  }

  /**
   * Pods the operators create, with the labels the NetworkPolicies can select: each Kafka cluster's brokers
   * (Strimzi) and each PostgreSQL cluster's instances (CloudNativePG), with the ports they listen on.
   */
  operatorPods() {
    const pods = [];
    for (const kafka of this.all("Kafka")) {
      pods.push({
        name: `${kafka.metadata.name} brokers`,
        labels: { "strimzi.io/cluster": kafka.metadata.name, "strimzi.io/kind": "Kafka", "strimzi.io/broker-role": "true" },
        ports: Object.fromEntries(kafka.spec.kafka.listeners.map((l) => [l.name, l.port])),
      });
    }
    for (const cluster of this.all("Cluster")) {
      pods.push({
        name: `${cluster.metadata.name} instances`,
        labels: { "cnpg.io/cluster": cluster.metadata.name },
        ports: { postgresql: 5432 },
      });
    }
    return pods;
  }

  /** Workload pods: each Deployment's pod template (and any extra pod templates given), with named ports. */
  workloadPods(extra = []) {
    return [...this.all("Deployment"), ...extra].map((workload) => {
      const spec = workload.spec.template.spec;
      const ports = {};
      for (const c of spec.containers) for (const p of c.ports ?? []) ports[p.name ?? String(p.containerPort)] = p.containerPort;
      return { name: `${workload.kind}/${workload.metadata.name}`, labels: workload.spec.template.metadata?.labels ?? {}, ports, spec };
    });
  }
}

/** Host and port of a "host:port" or URL string, or null. */
export function hostPort(text) {
  if (typeof text !== "string") return null;
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:?]+)(?::(\d+))?/i.exec(text.replace(/^jdbc:/, ""));
  if (url) return { host: url[1], port: url[2] ? +url[2] : null };
  const plain = /^([^:,]+):(\d+)$/.exec(text);
  return plain ? { host: plain[1], port: +plain[2] } : null;
}
