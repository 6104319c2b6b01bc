#!/bin/sh
# azd postdeploy hook. `azd deploy` moves only the api app (the gateway, with siloCount > 1) to the new image; this
# moves each silo app to the same image, one after another, so the cluster never runs two builds for long. With the
# default siloCount of 1 there are no silo apps and nothing to do. Needs the Azure CLI (`az login`) in that case.
set -eu

silos="${SILO_APP_NAMES:-}"
if [ -z "$silos" ]; then
  echo "roll-silos: no silo apps (siloCount 1): nothing to roll."
  exit 0
fi

image="${SERVICE_API_IMAGE_NAME:?roll-silos: azd sets SERVICE_API_IMAGE_NAME once the api service is deployed}"
group="${AZURE_RESOURCE_GROUP:?roll-silos: AZURE_RESOURCE_GROUP is not set; run azd provision first}"
if ! command -v az >/dev/null 2>&1; then
  echo "roll-silos: the Azure CLI (az) is needed to move the silo apps to $image." >&2
  exit 1
fi

for silo in $silos; do
  echo "roll-silos: $silo -> $image"
  az containerapp update --resource-group "$group" --name "$silo" --image "$image" --output none
done
