// The FulfillmentGrains service on Azure: one resource group holding the service's Container App, its Container
// Apps environment, a Container Registry, Log Analytics and an Azure Database for PostgreSQL flexible server that
// holds grain state, reminders, the stream log and the read models (Storage:Provider=PostgreSql).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Whether azd has deployed the service image before (azd sets SERVICE_API_RESOURCE_EXISTS).')
param apiExists bool = false

@secure()
@description('Password of the PostgreSQL administrator (azd env set POSTGRES_ADMIN_PASSWORD ...).')
param postgresAdminPassword string

@secure()
@minLength(16)
@description('API key of the storefront role (checkout: ATP, reservations, orders).')
param storefrontApiKey string

@secure()
@minLength(16)
@description('API key of the ops role (inventory, order lists, alerts, carriers, warehouses, streams).')
param opsApiKey string

@secure()
@minLength(16)
@description('API key of the ingest role (POST /api/v1/events).')
param ingestApiKey string

@description('PostgreSQL compute tier and size; Burstable B1ms suits a trial, General Purpose a production load.')
param postgresSku object = {
  name: 'Standard_B1ms'
  tier: 'Burstable'
}

@description('Storage of the PostgreSQL server in GiB.')
param postgresStorageGb int = 32

@description('CPU cores and memory of the service container (Container Apps consumption profile pairs).')
param apiCpu string = '1.0'
param apiMemory string = '2Gi'

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'modules/resources.bicep' = {
  name: 'resources'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    apiExists: apiExists
    postgresAdminPassword: postgresAdminPassword
    storefrontApiKey: storefrontApiKey
    opsApiKey: opsApiKey
    ingestApiKey: ingestApiKey
    postgresSku: postgresSku
    postgresStorageGb: postgresStorageGb
    apiCpu: apiCpu
    apiMemory: apiMemory
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.registryName
output AZURE_CONTAINER_ENVIRONMENT_NAME string = resources.outputs.environmentName
output SERVICE_API_NAME string = resources.outputs.apiName
output SERVICE_API_URI string = resources.outputs.apiUri
output POSTGRES_SERVER_FQDN string = resources.outputs.postgresFqdn
