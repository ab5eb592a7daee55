// NetworkPolicy checks, by evaluating the policies the way Kubernetes does: a pod selected by a policy of a type is
// isolated in that direction, and a connection is allowed when some selecting policy has a rule whose peers and
// ports admit it. Asked for the connections each pod needs (and a few it must not have).
import { selects } from "./model.mjs";

const NAMESPACE = { "kubernetes.io/metadata.name": "longtail" };
const local = (endpoint) => endpoint.ip === undefined && endpoint.namespace?.["kubernetes.io/metadata.name"] === NAMESPACE["kubernetes.io/metadata.name"];
const DNS = { namespace: { "kubernetes.io/metadata.name": "kube-system" }, labels: { "k8s-app": "kube-dns" }, ports: { dns: 53 }, port: 53, protocol: "UDP" };

function ipv4(text) {
  return text.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

function inCidr(ip, block) {
  const [base, bits] = block.cidr.split("/");
  if (base.includes(":") || ip.includes(":")) return false;
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipv4(base) / size) * size;
  const inside = ipv4(ip) >= start && ipv4(ip) < start + size;
  return inside && !(block.except ?? []).some((except) => inCidr(ip, { cidr: except }));
}

/** Whether a policy peer (podSelector / namespaceSelector / ipBlock) matches an endpoint. */
function peerMatches(peer, endpoint) {
  if (peer.ipBlock) return endpoint.ip !== undefined && inCidr(endpoint.ip, peer.ipBlock);
  if (endpoint.ip !== undefined) return false;
  const namespaceOk = peer.namespaceSelector ? selects(peer.namespaceSelector, endpoint.namespace) : local(endpoint);
  const podOk = peer.podSelector ? selects(peer.podSelector, endpoint.labels) : true;
  return namespaceOk && podOk;
}

/** Whether a rule's ports admit the destination's port (a named rule port means the destination's named port). */
function portMatches(ports, destination) {
  if (!ports?.length) return true;
  return ports.some((p) => {
    if ((p.protocol ?? "TCP") !== (destination.protocol ?? "TCP")) return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === "string" ? destination.ports?.[p.port] : p.port;
    return number !== undefined && number <= destination.port && destination.port <= (p.endPort ?? number);
  });
}

/** Policies of the namespace that select a pod for a direction. */
function selecting(policies, labels, direction) {
  return policies.filter((p) => (p.spec.policyTypes ?? ["Ingress"]).includes(direction) && selects(p.spec.podSelector, labels));
}

/** Whether the policies let `source` open a connection to `destination` (both endpoints; in-namespace pods have labels). */
export function allowed(policies, source, destination) {
  const egressOk = (() => {
    if (!local(source)) return true;
    const egress = selecting(policies, source.labels, "Egress");
    return !egress.length || egress.some((p) => (p.spec.egress ?? []).some((rule) =>
      (!rule.to?.length || rule.to.some((peer) => peerMatches(peer, destination))) && portMatches(rule.ports, destination)));
  })();
  const ingressOk = (() => {
    if (!local(destination)) return true;
    const ingress = selecting(policies, destination.labels, "Ingress");
    return !ingress.length || ingress.some((p) => (p.spec.ingress ?? []).some((rule) =>
      (!rule.from?.length || rule.from.some((peer) => peerMatches(peer, source))) && portMatches(rule.ports, destination)));
  })();
  return egressOk && ingressOk;
}

const pod = (p, portName, protocol = "TCP") => ({ namespace: NAMESPACE, labels: p.labels, ports: p.ports, port: p.ports[portName], protocol });

/** The connections each Longtail pod needs are allowed, the default denies it, and it reaches nothing unlisted. */
export function networkChecks(rendered, extraPods = []) {
  const policies = rendered.all("NetworkPolicy");
  const workloads = rendered.workloadPods(extraPods);
  const operators = rendered.operatorPods();
  const kafka = rendered.all("Kafka")[0];
  const brokers = operators.find((p) => p.labels["strimzi.io/kind"] === "Kafka");
  const database = operators.find((p) => p.labels["cnpg.io/cluster"]);
  const internet = (port) => ({ ip: "203.0.113.10", port, protocol: "TCP" });
  const results = [];
  for (const source of workloads) {
    const component = source.labels["app.kubernetes.io/component"];
    if (component !== "service" && component !== "downstream-evaluation") continue;
    const problems = [];
    const from = { namespace: NAMESPACE, labels: source.labels };
    for (const direction of ["Ingress", "Egress"]) {
      if (!selecting(policies, source.labels, direction).length) problems.push(`not isolated for ${direction} (no default deny)`);
    }
    if (!allowed(policies, from, DNS)) problems.push("cannot resolve names (DNS egress)");
    if (allowed(policies, from, internet(80))) problems.push("reaches the internet on port 80");
    if (component === "service") {
      const listener = kafka.spec.kafka.listeners.find((l) => l.authentication);
      if (!allowed(policies, from, pod(brokers, listener.name))) problems.push(`cannot reach the Kafka brokers on ${listener.port}`);
      const peers = listener.networkPolicyPeers;
      if (peers?.length && !peers.some((peer) => peerMatches(peer, from))) problems.push(`the Kafka listener ${listener.name} does not admit it`);
      if (!allowed(policies, from, pod(database, "postgresql"))) problems.push("cannot reach PostgreSQL on 5432");
      const env = rendered.environment(source.spec.containers[0]);
      for (const [name, value] of env) {
        const url = /^QUARKUS_REST_CLIENT_.*_URL$/.test(name) && /^https?:\/\/([^:/]+):(\d+)/.exec(value);
        if (!url) continue;
        const service = rendered.find("Service", url[1]);
        const target = workloads.find((w) => service && selects({ matchLabels: service.spec.selector }, w.labels));
        const port = service?.spec.ports.find((p) => p.port === +url[2]);
        const targetPort = typeof port?.targetPort === "string" ? port.targetPort : Object.keys(target?.ports ?? {}).find((k) => target.ports[k] === port?.targetPort);
        if (!target || !allowed(policies, from, pod(target, targetPort))) problems.push(`cannot call ${value} (${name})`);
      }
      if (!source.spec.automountServiceAccountToken && allowed(policies, from, internet(443))) problems.push("reaches the internet on 443 without calling the Kubernetes API");
    } else {
      const evaluator = workloads.find((w) => w.labels["app.kubernetes.io/name"] === "evaluator-service");
      if (!allowed(policies, from, pod(evaluator, "http"))) problems.push("cannot fetch its dataset from the evaluator");
      if (allowed(policies, from, pod(brokers, kafka.spec.kafka.listeners[0].name))) problems.push("reaches the Kafka brokers");
      if (allowed(policies, from, pod(database, "postgresql"))) problems.push("reaches PostgreSQL");
      if (allowed(policies, from, internet(443))) problems.push("reaches the internet on 443");
    }
    results.push({ name: `${source.name}: network policies allow what it needs, nothing more`, problems });
  }
  return results;
}
