// Schema validation of rendered objects: built-in kinds with kubernetes-models, ServiceMonitor/PodMonitor/
// PrometheusRule with @kubernetes-models/prometheus-operator, and custom resources (Strimzi, CloudNativePG) with the
// OpenAPI v3 schemas of their CRDs through Ajv. The CRD schemas are made strict about unknown fields, as the API
// server is (it rejects or prunes them); CEL rules (x-kubernetes-validations) are not evaluated.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const PROMETHEUS_OPERATOR_GROUP = "monitoring.coreos.com";

/** The module of kubernetes-models (or its prometheus-operator companion) that holds an apiVersion's kinds. */
function modelModule(apiVersion) {
  if (!apiVersion.includes("/")) return `kubernetes-models/${apiVersion}`;
  const [group] = apiVersion.split("/");
  if (group === PROMETHEUS_OPERATOR_GROUP) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

/** Marks every object node with declared properties as closed, as the API server treats structural schemas. */
function closeUnknownFields(node) {
  if (Array.isArray(node)) {
    node.forEach(closeUnknownFields);
    return node;
  }
  if (node === null || typeof node !== "object") return node;
  for (const value of Object.values(node)) closeUnknownFields(value);
  if (node.properties && node.additionalProperties === undefined && !node["x-kubernetes-preserve-unknown-fields"]) {
    node.additionalProperties = false;
  }
  return node;
}

/** Validators of the custom resources whose CRDs are in a folder, keyed by apiVersion and kind. */
export function loadCrdValidators(folder) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map();
  for (const file of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
      const crd = doc.toJS();
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
        const manifestSchema = structuredClone(schema);
        delete manifestSchema.properties?.status; // written by the operator, never by a manifest: a fifth of the compile time
        validators.set(key, ajv.compile(closeUnknownFields(manifestSchema)));
      }
    }
  }
  return validators;
}

/** Where the CRDs are: LONGTAIL_K8S_CRDS, else ../shared/k8s-crds beside the checkout; null when absent. */
export function crdFolder(root) {
  const folder = process.env.LONGTAIL_K8S_CRDS || join(root, "..", "shared", "k8s-crds");
  return existsSync(folder) ? folder : null;
}

function ajvProblems(errors) {
  return errors.map((e) => {
    const where = e.instancePath || "/";
    if (e.keyword === "additionalProperties") return `${where}: unknown field ${e.params.additionalProperty}`;
    return `${where}: ${e.message}`;
  });
}

/**
 * Validates one object. Returns { checked: false } when no schema is known (a custom resource whose CRD is not
 * loaded), else { checked: true, problems: [...] }.
 */
export async function validateObject(object, crdValidators) {
  const { apiVersion, kind } = object;
  const crd = crdValidators?.get(`${apiVersion} ${kind}`);
  if (crd) {
    return { checked: true, problems: crd(object) ? [] : ajvProblems(crd.errors) };
  }
  let model;
  try {
    model = (await import(modelModule(apiVersion)))[kind];
  } catch {
    model = undefined;
  }
  if (!model) return { checked: false, problems: [] };
  try {
    new model(object).validate();
    return { checked: true, problems: [] };
  } catch (e) {
    const details = e.errors?.map((x) => `${x.instancePath || "/"}: ${x.message}`) ?? [e.message];
    return { checked: true, problems: details };
  }
}

/** Whether an apiVersion belongs to a custom resource that needs a CRD (Strimzi or CloudNativePG). */
export function isOperatorResource(apiVersion) {
  return /^(kafka\.strimzi\.io|postgresql\.cnpg\.io)\//.test(apiVersion);
}
