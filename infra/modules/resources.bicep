// Everything in the service's resource group. Names carry a token unique to the subscription, environment and region.

param location string
param tags object
param token string
param apiExists bool
@secure()
param postgresAdminPassword string
@secure()
param storefrontApiKey string
@secure()
param opsApiKey string
@secure()
param ingestApiKey string
param postgresSku object
param postgresStorageGb int
param apiCpu string
param apiMemory string

var postgresAdmin = 'fulfillment'
var databaseName = 'fulfillment'
var acrPullRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
// Until azd deploys the service image the app runs a placeholder (an ASP.NET Core sample on port 8080 that knows
// nothing of the service's health routes, so the probes come with the service image).
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: false
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-api-${token}'
  location: location
  tags: tags
}

// The app pulls its image with its own identity: no registry password anywhere.
resource identityPullsImages 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRole)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: acrPullRole
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psql-${token}'
  location: location
  tags: tags
  sku: postgresSku
  properties: {
    version: '16'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: postgresStorageGb }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 admits connections from Azure services (the Container Apps environment), not the internet.
resource postgresAllowsAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${token}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource existingApi 'Microsoft.App/containerApps@2024-03-01' existing = if (apiExists) {
  name: 'ca-api-${token}'
}

var probes = [
  {
    type: 'Startup'
    httpGet: { path: '/health/live', port: 8080 }
    periodSeconds: 5
    failureThreshold: 24
  }
  {
    type: 'Liveness'
    httpGet: { path: '/health/live', port: 8080 }
    periodSeconds: 10
  }
  {
    type: 'Readiness'
    httpGet: { path: '/health/ready', port: 8080 }
    periodSeconds: 5
  }
]

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ identityPullsImages, database, postgresAllowsAzure ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identity.id
        }
      ]
      secrets: [
        {
          name: 'postgres-connection'
          value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdmin};Password=${postgresAdminPassword};Ssl Mode=Require'
        }
        { name: 'storefront-api-key', value: storefrontApiKey }
        { name: 'ops-api-key', value: opsApiKey }
        { name: 'ingest-api-key', value: ingestApiKey }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: apiExists ? existingApi.properties.template.containers[0].image : placeholderImage
          resources: {
            cpu: json(apiCpu)
            memory: apiMemory
          }
          env: [
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
            { name: 'Storage__Provider', value: 'PostgreSql' }
            { name: 'ConnectionStrings__Fulfillment', secretRef: 'postgres-connection' }
            { name: 'Auth__ApiKeys__0__Name', value: 'storefront' }
            { name: 'Auth__ApiKeys__0__Key', secretRef: 'storefront-api-key' }
            { name: 'Auth__ApiKeys__0__Roles__0', value: 'storefront' }
            { name: 'Auth__ApiKeys__1__Name', value: 'ops' }
            { name: 'Auth__ApiKeys__1__Key', secretRef: 'ops-api-key' }
            { name: 'Auth__ApiKeys__1__Roles__0', value: 'ops' }
            { name: 'Auth__ApiKeys__2__Name', value: 'ingest' }
            { name: 'Auth__ApiKeys__2__Key', secretRef: 'ingest-api-key' }
            { name: 'Auth__ApiKeys__2__Roles__0', value: 'ingest' }
            { name: 'Simulator__Enabled', value: 'false' }
          ]
          probes: apiExists ? probes : []
        }
      ]
      // One replica: the embedded silo owns every partition, so a second replica would run every grain twice.
      // The silo cluster (partition leases on PostgreSQL) is what lifts this.
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

output registryLoginServer string = registry.properties.loginServer
output registryName string = registry.name
output environmentName string = environment.name
output apiName string = api.name
output apiUri string = 'https://${api.properties.configuration.ingress.fqdn}'
output postgresFqdn string = postgres.properties.fullyQualifiedDomainName
