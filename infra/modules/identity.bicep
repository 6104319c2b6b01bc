// The service apps' user-assigned identity: it pulls images from the registry and reads the Key Vault secrets, so no
// registry password or secret value is ever stored on an app.

param location string
param tags object
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
