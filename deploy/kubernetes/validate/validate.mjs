// Validates rendered Kubernetes manifests (kubectl kustomize output: YAML documents separated by ---)
// against the schemas of Kubernetes (kubernetes-models), KEDA and the Prometheus Operator, each object
// by its apiVersion and kind. An object of a kind none of them knows fails too.
//
//   node validate.mjs [file]      (the file, or standard input)
//
// Prints one line per invalid object and exits 1 if any; else prints "valid: N objects" and exits 0.
// The schemas check types, formats, enumerations and required fields; like the API server's non-strict
// mode they let an unknown field through.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as kubernetes from "kubernetes-models";
import * as keda from "@kubernetes-models/keda";
import * as prometheusOperator from "@kubernetes-models/prometheus-operator";

/** Every model class of the packages, by "apiVersion/kind" (the packages nest them as group, then version). */
function models() {
  const byType = new Map();
  const visit = (namespace, depth) => {
    for (const value of Object.values(namespace)) {
      if (typeof value === "function" && typeof value.apiVersion === "string" && typeof value.kind === "string") {
        byType.set(`${value.apiVersion}/${value.kind}`, value);
      } else if (value && typeof value === "object" && depth < 3) {
        visit(value, depth + 1);
      }
    }
  };
  for (const root of [kubernetes, keda, prometheusOperator]) visit(root, 0);
  return byType;
}

const text = readFileSync(process.argv[2] ?? 0, "utf8");
const byType = models();
const failures = [];
let count = 0;

for (const document of parseAllDocuments(text)) {
  if (document.errors.length > 0) {
    failures.push(`YAML: ${document.errors.map((error) => error.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  count++;
  const name = `${object.kind ?? "(no kind)"} ${object.metadata?.name ?? "(no name)"}`;
  const Model = byType.get(`${object.apiVersion}/${object.kind}`);
  if (!Model) {
    failures.push(`${name}: no schema for apiVersion ${object.apiVersion} kind ${object.kind}`);
    continue;
  }
  if (object.apiVersion === "v1" && object.kind === "Secret" && object.data) {
    // kubectl kustomize folds long base64 values over lines; the API server's decoder skips the line
    // breaks, the schema's base64 pattern does not.
    for (const key of Object.keys(object.data)) {
      if (typeof object.data[key] === "string") object.data[key] = object.data[key].replace(/\s+/g, "");
    }
  }
  try {
    new Model(object).validate();
  } catch (error) {
    failures.push(`${name} (${object.apiVersion}): ${error.message}`);
  }
}

if (count === 0) failures.push("no object to validate");
for (const failure of failures) console.log(failure);
if (failures.length > 0) process.exit(1);
console.log(`valid: ${count} objects`);
