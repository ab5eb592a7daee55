// Checks of the workloads that schemas cannot make: hardened pods, probes, grace periods, references that
// resolve, every service's required configuration, Secrets without values, and least-privilege RBAC.
import { durationSeconds } from "./project.mjs";
import { hostPort } from "./model.mjs";

const PROBES = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };

/** What a pod spec lacks to be hardened: non-root, no escalation, no capabilities, seccomp, read-only root, /tmp. */
export function podHardeningProblems(spec) {
  const problems = [];
  const pod = spec.securityContext ?? {};
  if (pod.runAsNonRoot !== true) problems.push("pod securityContext.runAsNonRoot is not true");
  if (pod.runAsUser === 0) problems.push("pod runs as uid 0");
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem is not true`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.privileged) problems.push(`${where}: privileged`);
    if (sc.runAsUser === 0) problems.push(`${where}: runs as uid 0`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities do not drop ALL`);
    if ((sc.capabilities?.add ?? []).length) problems.push(`${where}: adds capabilities ${sc.capabilities.add}`);
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") problems.push(`${where}: no RuntimeDefault seccomp profile`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    const volume = tmp && (spec.volumes ?? []).find((v) => v.name === tmp.name);
    if (!volume?.emptyDir) problems.push(`${where}: /tmp is not an emptyDir (the root filesystem is read-only)`);
    if (!c.resources?.limits?.memory || !c.resources?.requests?.cpu || !c.resources?.requests?.memory) {
      problems.push(`${where}: needs cpu and memory requests and a memory limit`);
    }
  }
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push("pod shares the host's namespaces");
  return problems;
}

/** Every service Deployment: hardened, three probes on /q/health, grace above the shutdown timeout, tagged image. */
export function deploymentChecks(rendered, context) {
  return rendered.serviceDeployments().map(({ deployment, service }) => {
    const spec = deployment.spec.template.spec;
    const problems = podHardeningProblems(spec);
    const container = spec.containers[0];
    const portNames = new Set((container.ports ?? []).map((p) => p.name));
    for (const [probe, path] of Object.entries(PROBES)) {
      const get = container[probe]?.httpGet;
      if (!get) problems.push(`no ${probe}`);
      else if (get.path !== path) problems.push(`${probe} asks ${get.path}, not ${path}`);
      else if (typeof get.port === "string" && !portNames.has(get.port)) problems.push(`${probe} port ${get.port} is not declared`);
    }
    const env = rendered.environment(container);
    const facts = context.facts.get(service);
    const onManagement = Object.keys(PROBES).some((probe) => container[probe]?.httpGet?.port === "management");
    if (onManagement && !facts.managementEnabled && !context.imageManagementEnabled) {
      problems.push("the probes use the management port, but neither the image build (pom.xml profile image) nor "
        + `${service}-service's application.properties sets quarkus.management.enabled=true (build time)`);
    }
    const shutdown = env.has("QUARKUS_SHUTDOWN_TIMEOUT") ? durationSeconds(env.get("QUARKUS_SHUTDOWN_TIMEOUT")) : facts.shutdownSeconds;
    const grace = spec.terminationGracePeriodSeconds ?? 30;
    if (!(grace > shutdown)) problems.push(`terminationGracePeriodSeconds ${grace} is not above the shutdown timeout ${shutdown} s`);
    const account = spec.serviceAccountName;
    if (!account || account === "default") problems.push("runs as the default ServiceAccount");
    else if (!rendered.find("ServiceAccount", account)) problems.push(`ServiceAccount ${account} is not in the manifests`);
    if (context.deployable && !/:[^/]+$/.test(container.image)) problems.push(`image ${container.image} has no tag`);
    if (context.deployable && /:latest$/.test(container.image)) problems.push(`image ${container.image} is :latest`);
    return { name: `Deployment/${deployment.metadata.name} is hardened, probed and drained in time`, problems };
  });
}

/** Secrets an operator writes at run time: Strimzi's per-user and cluster-CA Secrets, CloudNativePG's app and CA. */
function operatorSecrets(rendered) {
  const secrets = new Map();
  for (const user of rendered.all("KafkaUser")) secrets.set(user.metadata.name, ["sasl.jaas.config", "password"]);
  for (const kafka of rendered.all("Kafka")) secrets.set(`${kafka.metadata.name}-cluster-ca-cert`, ["ca.crt", "ca.p12", "ca.password"]);
  for (const cluster of rendered.all("Cluster")) {
    secrets.set(`${cluster.metadata.name}-app`, ["username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"]);
    secrets.set(`${cluster.metadata.name}-ca`, ["ca.crt", "ca.key"]);
  }
  return secrets;
}

/** Every ConfigMap and Secret a pod refers to exists: rendered, written by an operator, or a k8s/secrets template. */
export function referenceChecks(rendered, context) {
  const known = operatorSecrets(rendered);
  for (const [name, keys] of context.secretTemplates) known.set(name, keys);
  for (const secret of rendered.all("Secret")) known.set(secret.metadata.name, Object.keys({ ...secret.data, ...secret.stringData }));
  return rendered.all("Deployment").map((deployment) => {
    const spec = deployment.spec.template.spec;
    const problems = [];
    const secretKey = (name, key, optional) => {
      if (!known.has(name)) { if (!optional) problems.push(`Secret ${name} is neither in the manifests nor written by an operator`); }
      else if (key && !known.get(name).includes(key)) problems.push(`Secret ${name} has no key ${key}`);
    };
    const configMap = (name, key, optional) => {
      const map = rendered.configMap(name);
      if (!map) { if (!optional) problems.push(`ConfigMap ${name} is not in the manifests`); }
      else if (key && !Object.hasOwn({ ...map.data, ...map.binaryData }, key)) problems.push(`ConfigMap ${name} has no key ${key}`);
    };
    for (const c of spec.containers) {
      for (const source of c.envFrom ?? []) {
        if (source.configMapRef) configMap(source.configMapRef.name, null, source.configMapRef.optional);
        if (source.secretRef) secretKey(source.secretRef.name, null, source.secretRef.optional);
      }
      for (const { valueFrom } of c.env ?? []) {
        if (valueFrom?.secretKeyRef) secretKey(valueFrom.secretKeyRef.name, valueFrom.secretKeyRef.key, valueFrom.secretKeyRef.optional);
        if (valueFrom?.configMapKeyRef) configMap(valueFrom.configMapKeyRef.name, valueFrom.configMapKeyRef.key, valueFrom.configMapKeyRef.optional);
      }
    }
    for (const v of spec.volumes ?? []) {
      if (v.secret) for (const item of v.secret.items ?? [{}]) secretKey(v.secret.secretName, item.key, v.secret.optional);
      if (v.configMap) for (const item of v.configMap.items ?? [{}]) configMap(v.configMap.name, item.key, v.configMap.optional);
    }
    return { name: `Deployment/${deployment.metadata.name}: every ConfigMap and Secret it reads exists`, problems };
  });
}

/** Every service gets the configuration it cannot start without, pointing at objects that exist. */
export function serviceConfigChecks(rendered, context) {
  return rendered.serviceDeployments().map(({ deployment, service }) => {
    const container = deployment.spec.template.spec.containers[0];
    const env = rendered.environment(container);
    const problems = [];
    const kafka = rendered.all("Kafka")[0];
    const bootstrap = hostPort(env.get("KAFKA_BOOTSTRAP_SERVERS"));
    const listener = kafka?.spec.kafka.listeners.find((l) => l.port === bootstrap?.port);
    if (!bootstrap || bootstrap.host !== `${kafka?.metadata.name}-kafka-bootstrap`) {
      problems.push(`KAFKA_BOOTSTRAP_SERVERS ${env.get("KAFKA_BOOTSTRAP_SERVERS")} is not the Kafka cluster's bootstrap Service`);
    } else if (!listener) problems.push(`the Kafka cluster has no listener on port ${bootstrap.port}`);
    else {
      const protocol = `${listener.authentication?.type === "scram-sha-512" ? "SASL_" : ""}${listener.tls ? "SSL" : "PLAINTEXT"}`;
      if (env.get("KAFKA_SECURITY_PROTOCOL") !== protocol) problems.push(`KAFKA_SECURITY_PROTOCOL is not ${protocol} (listener ${listener.name})`);
      if (listener.authentication?.type === "scram-sha-512" && env.get("KAFKA_SASL_MECHANISM") !== "SCRAM-SHA-512") problems.push("KAFKA_SASL_MECHANISM is not SCRAM-SHA-512");
    }
    const jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
    if (jaas?.secret !== `longtail-${service}` || jaas?.key !== "sasl.jaas.config") problems.push(`KAFKA_SASL_JAAS_CONFIG is not the sasl.jaas.config of KafkaUser longtail-${service}`);
    const cluster = rendered.all("Cluster")[0];
    const jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
    const db = hostPort(jdbc);
    if (!cluster || db?.host !== `${cluster.metadata.name}-rw`) problems.push(`QUARKUS_DATASOURCE_JDBC_URL ${jdbc} is not the PostgreSQL cluster's read-write Service`);
    else {
      const database = cluster.spec.bootstrap?.initdb?.database;
      if (!jdbc.includes(`/${database}?`)) problems.push(`QUARKUS_DATASOURCE_JDBC_URL does not name database ${database}`);
      if (!new RegExp(`[?&]currentSchema=${service}(&|$)`).test(jdbc)) problems.push(`QUARKUS_DATASOURCE_JDBC_URL does not select schema ${service}`);
      for (const [variable, key] of [["QUARKUS_DATASOURCE_USERNAME", "username"], ["QUARKUS_DATASOURCE_PASSWORD", "password"]]) {
        const value = env.get(variable);
        if (value?.secret !== `${cluster.metadata.name}-app` || value?.key !== key) problems.push(`${variable} is not ${key} of Secret ${cluster.metadata.name}-app`);
      }
    }
    const httpPort = context.facts.get(service).httpPort;
    if (!(container.ports ?? []).some((p) => p.name === "http" && p.containerPort === +(env.get("QUARKUS_HTTP_PORT") ?? httpPort))) {
      problems.push(`no container port http on the service's quarkus.http.port ${httpPort}`);
    }
    const management = container.ports?.find((p) => p.name === "management")?.containerPort;
    if (String(management) !== env.get("QUARKUS_MANAGEMENT_PORT")) problems.push(`the management port ${management} is not QUARKUS_MANAGEMENT_PORT`);
    for (const variable of context.facts.get(service).requiredEnv) {
      if (!env.has(variable)) problems.push(`${variable} is not set, and ${service}-service's %prod profile requires it`);
    }
    for (const [name, value] of env) {
      if (!/_URL$/.test(name) || typeof value !== "string" || !value.startsWith("http")) continue;
      const target = hostPort(value);
      const svc = rendered.find("Service", target?.host);
      if (!svc || !svc.spec.ports.some((p) => p.port === target.port)) problems.push(`${name} ${value} is no Service port`);
    }
    return { name: `${deployment.metadata.name}: Kafka, PostgreSQL and its peers are configured and exist`, problems };
  });
}

/** No Secret in the manifests carries a value: they are templates; real values are created in the cluster. */
export function secretChecks(rendered) {
  return rendered.all("Secret").map((secret) => {
    const values = { ...secret.data, ...secret.stringData };
    const filled = Object.entries(values).filter(([, v]) => v !== "" && v !== null).map(([k]) => k);
    return { name: `Secret/${secret.metadata.name} holds no value`, problems: filled.map((k) => `key ${k} has a value`) };
  });
}

/** Least privilege: namespaced Roles without wildcards, bound only to ServiceAccounts that need the API. */
export function rbacChecks(rendered) {
  const problems = [];
  for (const kind of ["ClusterRole", "ClusterRoleBinding"]) {
    for (const o of rendered.all(kind)) problems.push(`${kind}/${o.metadata.name}: cluster-wide rights`);
  }
  for (const role of rendered.all("Role")) {
    for (const rule of role.rules ?? []) {
      for (const field of ["verbs", "resources", "apiGroups"]) {
        if ((rule[field] ?? []).includes("*")) problems.push(`Role/${role.metadata.name}: wildcard in ${field}`);
      }
      if ((rule.resources ?? []).some((r) => r === "secrets")) problems.push(`Role/${role.metadata.name}: reads Secrets`);
    }
  }
  const bound = new Set();
  for (const binding of rendered.all("RoleBinding")) {
    if (!rendered.find(binding.roleRef.kind, binding.roleRef.name)) problems.push(`RoleBinding/${binding.metadata.name}: no ${binding.roleRef.kind} ${binding.roleRef.name}`);
    for (const subject of binding.subjects ?? []) {
      if (subject.kind !== "ServiceAccount" || !rendered.find("ServiceAccount", subject.name)) problems.push(`RoleBinding/${binding.metadata.name}: binds ${subject.kind} ${subject.name}, not one of our ServiceAccounts`);
      bound.add(subject.name);
    }
  }
  for (const account of rendered.all("ServiceAccount")) {
    if (!bound.has(account.metadata.name) && account.automountServiceAccountToken !== false) problems.push(`ServiceAccount/${account.metadata.name}: bound to nothing but mounts a token`);
  }
  for (const deployment of rendered.all("Deployment")) {
    const spec = deployment.spec.template.spec;
    const account = rendered.find("ServiceAccount", spec.serviceAccountName);
    const mounts = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
    if (mounts && !bound.has(spec.serviceAccountName)) problems.push(`Deployment/${deployment.metadata.name}: mounts a token it has no use for`);
  }
  return [{ name: "RBAC is least privilege (namespaced, no wildcards, tokens only where bound)", problems }];
}
