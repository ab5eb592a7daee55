// What the manifests must agree with, read from the project's own sources: the topics of libs/contracts'
// Topics.java, and each service's Kafka channels, consumer group and shutdown timeout from its application.properties.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The four services: short name (schema, Kafka user, consumer group suffix) and module folder. */
export const SERVICES = ["evolver", "generator", "curator", "evaluator"];

/** Reads java.util.Properties text: comments, `=`/`:`/space separators, backslash line continuations. */
export function parseProperties(text) {
  const properties = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, "");
    }
    const match = /^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) properties.set(match[1].replace(/\\(.)/g, "$1"), match[2].trim());
    else properties.set(line, "");
  }
  return properties;
}

/** The properties in force in the prod profile: unprofiled keys, overridden by `%prod.` ones; other profiles dropped. */
export function prodProfile(properties) {
  const prod = new Map();
  for (const [key, value] of properties) if (!key.startsWith("%")) prod.set(key, value);
  for (const [key, value] of properties) if (key.startsWith("%prod.")) prod.set(key.slice("%prod.".length), value);
  return prod;
}

/** Seconds of a Quarkus duration ("20s", "1m", "PT20S", "500ms", or a bare number of seconds). */
export function durationSeconds(value) {
  const text = String(value).trim();
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(text);
  if (iso) return (+(iso[1] || 0)) * 3600 + (+(iso[2] || 0)) * 60 + (+(iso[3] || 0));
  const simple = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
  if (!simple) throw new Error(`not a duration: ${value}`);
  const factor = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[simple[2] || "s"];
  return +simple[1] * factor;
}

/** The topic names Topics.java declares: its String constants and one dead-letter topic per consuming service. */
export function contractTopics(root) {
  const source = readFileSync(join(root, "libs/contracts/src/main/java/dev/longtail/contracts/Topics.java"), "utf8");
  const loop = [...source.matchAll(/static final String \w+\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
  const prefix = /deadLetter\(String service\)\s*\{\s*return\s*"([^"]+)"\s*\+\s*service/.exec(source);
  const consuming = /CONSUMING_SERVICES\s*=\s*List\.of\(([^)]*)\)/.exec(source);
  if (!loop.length || !prefix || !consuming) throw new Error("Topics.java: cannot read the topic names");
  const services = [...consuming[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return { loop, deadLetter: services.map((s) => prefix[1] + s) };
}

/**
 * A service's messaging and shutdown facts in the prod profile: topics it consumes and produces, its dead-letter
 * topic(s) and consumer group(s), quarkus.shutdown.timeout in seconds (0 when unset), and the environment variables
 * its prod values require (`${VAR}` without a default).
 */
export function serviceFacts(root, service) {
  const file = join(root, `${service}-service/src/main/resources/application.properties`);
  const props = prodProfile(parseProperties(readFileSync(file, "utf8")));
  const connector = "mp.messaging.connector.smallrye-kafka.";
  const consumes = new Set(), produces = new Set(), deadLetters = new Set(), groups = new Set();
  for (const [key, value] of props) {
    const channel = /^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.topic$/.exec(key);
    if (!channel) continue;
    const [, direction, name] = channel;
    (direction === "incoming" ? consumes : produces).add(value);
    if (direction === "incoming") {
      const prefix = `mp.messaging.incoming.${name}.`;
      const strategy = props.get(prefix + "failure-strategy") ?? props.get(connector + "failure-strategy");
      if (strategy === "dead-letter-queue") {
        deadLetters.add(props.get(prefix + "dead-letter-queue.topic") ?? props.get(connector + "dead-letter-queue.topic")
          ?? `dead-letter-topic-${name}`);
      }
      const group = props.get(prefix + "group.id") ?? props.get(connector + "group.id");
      if (group) groups.add(group);
    }
  }
  const timeout = props.get("quarkus.shutdown.timeout");
  // ${VAR} without a default in a prod value: the service cannot start unless its environment sets VAR
  const requiredEnv = new Set();
  for (const value of props.values()) {
    for (const match of value.matchAll(/\$\{([A-Za-z0-9_.-]+)\}/g)) requiredEnv.add(match[1]);
  }
  return {
    service, file, consumes, produces, deadLetters, groups, requiredEnv,
    httpPort: +(props.get("quarkus.http.port") ?? 8080),
    // build time: the jar serves /q/* on a separate management port only if this was true when it was built
    managementEnabled: props.get("quarkus.management.enabled") === "true",
    shutdownSeconds: timeout ? durationSeconds(timeout) : 0,
  };
}

/** The anchors GitHub makes of a Markdown file's headings (lower case, punctuation dropped, spaces to hyphens). */
export function markdownAnchors(text) {
  const anchors = new Set();
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    anchors.add(match[1].toLowerCase().replace(/`/g, "").replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"));
  }
  return anchors;
}

/** The meter names the services' code registers (Micrometer builders, registry calls, @Counted/@Timed), as
 *  Prometheus names them before suffixes: dots become underscores. */
export function registeredMeters(root) {
  const meters = new Set();
  const pattern = /(?:counter|gauge|timer|summary|builder|holder|Counted|Timed)\s*\(\s*(?:(?:value|name)\s*=\s*)?"(longtail\.[a-z0-9.]+)"/g;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".java")) {
        for (const m of readFileSync(path, "utf8").matchAll(pattern)) meters.add(m[1].replace(/\./g, "_"));
      }
    }
  };
  for (const module of readdirSync(root)) {
    const sources = join(root, module, "src/main/java");
    if (module.endsWith("-service") && existsSync(sources)) visit(sources);
  }
  return meters;
}

/** Whether the image build (the parent pom's `image` profile) enables Quarkus's management interface. */
export function imageManagementEnabled(root) {
  const pom = readFileSync(join(root, "pom.xml"), "utf8");
  const profile = /<profile>\s*(?:<!--[\s\S]*?-->\s*)?<id>image<\/id>([\s\S]*?)<\/profile>/.exec(pom);
  return /<quarkus\.management\.enabled>true<\/quarkus\.management\.enabled>/.test(profile?.[1] ?? "");
}
