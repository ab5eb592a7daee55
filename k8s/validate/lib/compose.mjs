// Checks of docker/compose.yaml, which no Docker can run here: every service gets the configuration it starts with
// (Kafka, its own schema, its peers) on its own port, runs read-only and non-root, and the topic step creates
// exactly Topics.java's topics with 16 MiB records.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { hostPort } from "./model.mjs";

/** docker/compose.yaml with its YAML merge keys (<<) resolved. */
export function readCompose(root) {
  return parse(readFileSync(join(root, "docker/compose.yaml"), "utf8"), { merge: true });
}

export function composeChecks(compose, context) {
  const services = compose.services;
  const results = [];
  const advertised = services.kafka?.environment?.KAFKA_ADVERTISED_LISTENERS;
  const script = (services.topics?.command ?? []).join("\n");
  const created = new Set(script.match(/longtail\.[a-z.]+/g) ?? []);
  const expected = [...context.contract.loop, ...context.contract.deadLetter];
  results.push({
    name: "the topics step creates exactly Topics.java's topics, for 16 MiB records",
    problems: [
      ...expected.filter((t) => !created.has(t)).map((t) => `does not create ${t}`),
      ...[...created].filter((t) => !expected.includes(t)).map((t) => `creates ${t}, not in Topics.java`),
      ...(script.includes("max.message.bytes=16777216") ? [] : ["topics not created with max.message.bytes=16777216"]),
      ...(services.kafka?.environment?.KAFKA_MESSAGE_MAX_BYTES === "16777216" ? [] : ["the broker's KAFKA_MESSAGE_MAX_BYTES is not 16 MiB"]),
    ],
  });
  for (const [service, facts] of context.facts) {
    const problems = [];
    const entry = services[service];
    if (!entry) { results.push({ name: `compose service ${service}`, problems: ["missing"] }); continue; }
    const env = entry.environment ?? {};
    const bootstrap = hostPort(env.KAFKA_BOOTSTRAP_SERVERS);
    if (!bootstrap || !advertised?.includes(`${bootstrap.host}:${bootstrap.port}`)) problems.push(`KAFKA_BOOTSTRAP_SERVERS ${env.KAFKA_BOOTSTRAP_SERVERS} is not Kafka's advertised listener`);
    const jdbc = env.QUARKUS_DATASOURCE_JDBC_URL ?? "";
    const db = hostPort(jdbc);
    if (!services[db?.host] || !jdbc.includes(`/${services[db?.host]?.environment?.POSTGRES_DB}?currentSchema=${service}`)) problems.push(`QUARKUS_DATASOURCE_JDBC_URL ${jdbc} is not schema ${service} of the postgres service's database`);
    if (env.QUARKUS_DATASOURCE_USERNAME !== services.postgres?.environment?.POSTGRES_USER) problems.push("QUARKUS_DATASOURCE_USERNAME is not the database's user");
    for (const [name, value] of Object.entries(env)) {
      const url = /^QUARKUS_REST_CLIENT_.*_URL$/.test(name) && hostPort(value);
      if (url && !(services[url.host]?.ports ?? []).some((p) => String(p).endsWith(`:${url.port}`))) problems.push(`${name} ${value} is no compose service's port`);
    }
    if (!(entry.ports ?? []).some((p) => String(p).endsWith(`:${facts.httpPort}`))) problems.push(`does not publish its quarkus.http.port ${facts.httpPort}`);
    if (entry.build?.args?.SERVICE !== `${service}-service`) problems.push(`builds ${entry.build?.args?.SERVICE}, not ${service}-service`);
    if (entry.read_only !== true || !(entry.tmpfs ?? []).some((t) => t.startsWith("/tmp"))) problems.push("not read-only with a /tmp tmpfs");
    if (!entry.user || /^(0|root)\b/.test(entry.user)) problems.push("runs as root");
    results.push({ name: `compose service ${service} is configured as the service needs`, problems });
  }
  return results;
}
