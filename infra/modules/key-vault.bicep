// Key Vault holding what the service must not see in plain configuration: the PostgreSQL connection string (and the
// administrator password, for operators) and the three API keys. The apps reference the secrets through their managed
// identity (Key Vault Secrets User); the principal that runs azd may read and rotate them (Key Vault Secrets Officer).
// Access is by Azure RBAC, not access policies.

param location string
param tags object
param name string

@description('Principal that reads the secrets at run time (the apps\' managed identity).')
param readerPrincipalId string

@description('User or pipeline that may manage the secrets; empty for none.')
param operatorPrincipalId string

param operatorPrincipalType string

@secure()
param postgresAdminPassword string

@secure()
param connectionString string

@secure()
param storefrontApiKey string

@secure()
param opsApiKey string

@secure()
param ingestApiKey string

// Built-in roles Key Vault Secrets User and Key Vault Secrets Officer.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Short retention and no purge protection: `azd down --purge` can remove the vault and reuse its name at once.
    softDeleteRetentionInDays: 7
  }
}

resource postgresAdminPasswordEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: { value: postgresAdminPassword }
}

resource connectionStringEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'fulfillment-connection'
  properties: { value: connectionString }
}

resource storefrontApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storefront-api-key'
  properties: { value: storefrontApiKey }
}

resource opsApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ops-api-key'
  properties: { value: opsApiKey }
}

resource ingestApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ingest-api-key'
  properties: { value: ingestApiKey }
}

resource readerMayRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

resource operatorMayManage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, secretsOfficerRoleId)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri

@description('Versionless secret URIs by the name the apps give each secret: an app picks up a rotated value without a redeploy.')
output references object = {
  'fulfillment-connection': connectionStringEntry.properties.secretUri
  'storefront-api-key': storefrontApiKeyEntry.properties.secretUri
  'ops-api-key': opsApiKeyEntry.properties.secretUri
  'ingest-api-key': ingestApiKeyEntry.properties.secretUri
}
