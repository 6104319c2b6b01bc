// The FulfillmentGrains service on Azure, provisioned by `azd up`: Azure Container Apps in a virtual network, Azure
// Database for PostgreSQL flexible server reachable only inside that network (grain state, reminders, stream log,
// checkpoints, read models and the cluster store), Key Vault for the connection string and API keys, a Container
// Registry the apps pull from with their managed identity, Log Analytics and Application Insights.
//
// Two shapes, chosen by siloCount:
//   1  (default) the service as it runs today: one app, one replica, gateway and silo in one process.
//   2+ the silo cluster: one gateway app (Silo:Enabled=false) scaled out on HTTP load, and siloCount silo apps
//      (Silo:Enabled=true), one replica each, reachable by one another and by the gateway on Silo:Port over internal TCP.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Object id of the user or service principal running azd (AZURE_PRINCIPAL_ID): may read and rotate the Key Vault secrets. Empty: no such grant.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Kind of principalId: User for a person, ServicePrincipal for a pipeline.')
param principalType string = 'User'

@description('Whether azd has deployed the service image before (azd sets SERVICE_API_RESOURCE_EXISTS).')
param apiExists bool = false

@minValue(1)
@maxValue(16)
@description('1: one app running the embedded silo (the service today). 2 or more: a gateway app and this many silo apps (needs the silo cluster build).')
param siloCount int = 1

@minValue(1)
@maxValue(30)
@description('Cluster shape: fewest gateway replicas.')
param gatewayMinReplicas int = 1

@minValue(1)
@maxValue(30)
@description('Cluster shape: most gateway replicas.')
param gatewayMaxReplicas int = 10

@minValue(10)
@description('Cluster shape: concurrent HTTP requests per gateway replica before another replica is added.')
param gatewayConcurrentRequests int = 100

@minValue(1024)
@maxValue(65535)
@description('Cluster shape: TCP port silos listen on for silo-to-silo and gateway-to-silo calls (Silo:Port).')
param siloPort int = 11111

@minValue(1)
@description('Cluster shape: grain partitions (Cluster:Partitions); fixed for the life of a deployment.')
param clusterPartitions int = 32

@description('Cluster shape: how long a partition lease lasts without renewal (Cluster:LeaseDuration, a TimeSpan).')
param clusterLeaseDuration string = '00:00:10'

@description('Whether the demo order simulator runs (Simulator:Enabled). Off in Azure unless asked for.')
param simulatorEnabled bool = false

@description('Further service configuration as a JSON object of configuration keys, e.g. {"Sla:PickToPackStall":"00:01:00","RateLimiting:Storefront:PermitLimit":"2000"}.')
param appSettingsJson string = '{}'

@description('CPU cores of each service container (a Container Apps consumption pair with apiMemory).')
param apiCpu string = '1.0'

@description('Memory of each service container.')
param apiMemory string = '2Gi'

@description('PostgreSQL compute size: Standard_B1ms suits a trial; Standard_D2ds_v5 (tier GeneralPurpose) a production load.')
param postgresSkuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
@description('PostgreSQL compute tier of postgresSkuName.')
param postgresSkuTier string = 'Burstable'

@minValue(32)
@description('PostgreSQL storage in GiB.')
param postgresStorageGb int = 32

@allowed(['Disabled', 'ZoneRedundant', 'SameZone'])
@description('PostgreSQL high availability (a standby server; General Purpose or Memory Optimized tiers only).')
param postgresHighAvailability string = 'Disabled'

@secure()
@metadata({
  azd: {
    type: 'generate'
    config: { length: 32, noSpecial: true, minLower: 2, minUpper: 2, minNumeric: 2 }
  }
})
@description('Password of the PostgreSQL administrator; azd generates one unless POSTGRES_ADMIN_PASSWORD is set.')
param postgresAdminPassword string

@secure()
@minLength(16)
@metadata({
  azd: {
    type: 'generate'
    config: { length: 40, noSpecial: true }
  }
})
@description('API key of the storefront role (checkout: ATP, reservations, orders); generated unless FULFILLMENT_STOREFRONT_API_KEY is set.')
param storefrontApiKey string

@secure()
@minLength(16)
@metadata({
  azd: {
    type: 'generate'
    config: { length: 40, noSpecial: true }
  }
})
@description('API key of the ops role (inventory, order lists, alerts, carriers, warehouses, streams); generated unless FULFILLMENT_OPS_API_KEY is set.')
param opsApiKey string

@secure()
@minLength(16)
@metadata({
  azd: {
    type: 'generate'
    config: { length: 40, noSpecial: true }
  }
})
@description('API key of the ingest role (POST /api/v1/events); generated unless FULFILLMENT_INGEST_API_KEY is set.')
param ingestApiKey string

var abbreviations = loadJsonContent('abbreviations.json')
var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var postgresServerName = '${abbreviations.dBforPostgreSQLServers}${resourceToken}'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbreviations.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    location: location
    tags: tags
    workspaceName: '${abbreviations.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbreviations.insightsComponents}${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    location: location
    tags: tags
    name: '${abbreviations.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: group
  params: {
    location: location
    tags: tags
    name: '${abbreviations.containerRegistryRegistries}${resourceToken}'
    pullerPrincipalId: identity.outputs.principalId
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  scope: group
  params: {
    location: location
    tags: tags
    name: '${abbreviations.networkVirtualNetworks}${resourceToken}'
    postgresServerName: postgresServerName
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  scope: group
  params: {
    location: location
    tags: tags
    name: postgresServerName
    sku: {
      name: postgresSkuName
      tier: postgresSkuTier
    }
    storageGb: postgresStorageGb
    highAvailability: postgresHighAvailability
    administratorPassword: postgresAdminPassword
    subnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: group
  params: {
    location: location
    tags: tags
    name: '${abbreviations.keyVaultVaults}${resourceToken}'
    readerPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    postgresAdminPassword: postgresAdminPassword
    connectionString: 'Host=${postgres.outputs.fqdn};Database=${postgres.outputs.databaseName};Username=${postgres.outputs.administratorLogin};Password=${postgresAdminPassword};Ssl Mode=Require'
    storefrontApiKey: storefrontApiKey
    opsApiKey: opsApiKey
    ingestApiKey: ingestApiKey
  }
}

module appsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  scope: group
  params: {
    location: location
    tags: tags
    name: '${abbreviations.appManagedEnvironments}${resourceToken}'
    workspaceName: monitoring.outputs.workspaceName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    infrastructureSubnetId: network.outputs.appsSubnetId
  }
}

module apps 'modules/service-apps.bicep' = {
  name: 'service-apps'
  scope: group
  params: {
    location: location
    tags: tags
    apiName: '${abbreviations.appContainerApps}api-${resourceToken}'
    siloNamePrefix: '${abbreviations.appContainerApps}silo-'
    siloNameSuffix: '-${resourceToken}'
    apiExists: apiExists
    siloCount: siloCount
    environmentId: appsEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    vaultReferences: vault.outputs.references
    gatewayMinReplicas: gatewayMinReplicas
    gatewayMaxReplicas: gatewayMaxReplicas
    gatewayConcurrentRequests: gatewayConcurrentRequests
    siloPort: siloPort
    clusterPartitions: clusterPartitions
    clusterLeaseDuration: clusterLeaseDuration
    simulatorEnabled: simulatorEnabled
    appSettings: json(appSettingsJson)
    cpu: apiCpu
    memory: apiMemory
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_ENVIRONMENT_NAME string = appsEnvironment.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = vault.outputs.endpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output POSTGRES_SERVER_FQDN string = postgres.outputs.fqdn
output SERVICE_API_NAME string = apps.outputs.apiName
output SERVICE_API_URI string = apps.outputs.apiUri
output SILO_APP_NAMES string = join(apps.outputs.siloNames, ' ')
