// One container app running the service image in one of three roles:
//   embedded  gateway and silo in one process (the service today): public HTTPS ingress, exactly one replica.
//   gateway   Silo:Enabled=false, routes grain calls to the owning silos: public HTTPS ingress, scaled on HTTP load.
//   silo      Silo:Enabled=true, owns partitions: TCP ingress on Silo:Port inside the environment only, one replica,
//             its app name advertised as Silo:AdvertisedHost (other apps in the environment reach it by that name).
// Every role runs on PostgreSQL with the connection string and API keys from Key Vault, and is probed on
// /health/live (startup, liveness) and /health/ready (readiness).

@description('Settings every app of the service shares.')
type ServiceAppShared = {
  environmentId: string
  identityId: string
  registryServer: string
  @description('Key Vault secret URI by secret name.')
  vaultReferences: object
  image: string
  @description('False while the placeholder image runs: it has no /health routes.')
  probesEnabled: bool
  siloPort: int
  clusterPartitions: int
  clusterLeaseDuration: string
  simulatorEnabled: bool
  @description('Extra configuration keys (Section:Key) and values.')
  appSettings: object
  cpu: string
  memory: string
}

param location string
param tags object
param name string

@allowed(['embedded', 'gateway', 'silo'])
param role string

param minReplicas int
param maxReplicas int

@description('Concurrent HTTP requests per replica before another is added (gateway only).')
param concurrentRequests int

param shared ServiceAppShared

var httpPort = 8080

// The service's configuration as environment variables (Section__Key is Section:Key). One variable per line: the
// deployment tests in tests/Fulfillment.Api.Tests/Deployment read these lists and start the service with them.
var commonSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'Storage__Provider', value: 'PostgreSql' }
  { name: 'ConnectionStrings__Fulfillment', secretRef: 'fulfillment-connection' }
  { name: 'Auth__ApiKeys__0__Name', value: 'storefront' }
  { name: 'Auth__ApiKeys__0__Key', secretRef: 'storefront-api-key' }
  { name: 'Auth__ApiKeys__0__Roles__0', value: 'storefront' }
  { name: 'Auth__ApiKeys__1__Name', value: 'ops' }
  { name: 'Auth__ApiKeys__1__Key', secretRef: 'ops-api-key' }
  { name: 'Auth__ApiKeys__1__Roles__0', value: 'ops' }
  { name: 'Auth__ApiKeys__2__Name', value: 'ingest' }
  { name: 'Auth__ApiKeys__2__Key', secretRef: 'ingest-api-key' }
  { name: 'Auth__ApiKeys__2__Roles__0', value: 'ingest' }
  { name: 'Simulator__Enabled', value: shared.simulatorEnabled ? 'true' : 'false' }
]

var clusterSettings = [
  { name: 'Cluster__Partitions', value: string(shared.clusterPartitions) }
  { name: 'Cluster__LeaseDuration', value: shared.clusterLeaseDuration }
]

var gatewaySettings = [
  { name: 'Silo__Enabled', value: 'false' }
]

var siloSettings = [
  { name: 'Silo__Enabled', value: 'true' }
  { name: 'Silo__Port', value: string(shared.siloPort) }
  { name: 'Silo__AdvertisedHost', value: name }
]

var roleSettings = {
  embedded: []
  gateway: concat(gatewaySettings, clusterSettings)
  silo: concat(siloSettings, clusterSettings)
}

var extraSettings = map(items(shared.appSettings), setting => {
  name: replace(setting.key, ':', '__')
  value: string(setting.value)
})

var secretNames = ['fulfillment-connection', 'storefront-api-key', 'ops-api-key', 'ingest-api-key']

var probes = [
  {
    // Up to about two minutes to start (the first start migrates the schema); Container Apps allows at most 10 failures.
    type: 'Startup'
    httpGet: { path: '/health/live', port: httpPort }
    initialDelaySeconds: 5
    periodSeconds: 12
    failureThreshold: 10
  }
  {
    type: 'Liveness'
    httpGet: { path: '/health/live', port: httpPort }
    periodSeconds: 10
    failureThreshold: 3
  }
  {
    type: 'Readiness'
    httpGet: { path: '/health/ready', port: httpPort }
    periodSeconds: 5
    failureThreshold: 3
  }
]

var httpIngress = {
  external: true
  targetPort: httpPort
  transport: 'auto'
  allowInsecure: false
}

// Internal TCP: reachable as <app name>:<Silo:Port> from the gateway and the other silos, never from outside.
var siloIngress = {
  external: false
  targetPort: shared.siloPort
  exposedPort: shared.siloPort
  transport: 'tcp'
}

var httpScaleRules = [
  {
    name: 'http-load'
    http: {
      metadata: { concurrentRequests: string(concurrentRequests) }
    }
  }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${shared.identityId}': {} }
  }
  properties: {
    environmentId: shared.environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: role == 'silo' ? siloIngress : httpIngress
      registries: [
        {
          server: shared.registryServer
          identity: shared.identityId
        }
      ]
      secrets: [
        for secretName in secretNames: {
          name: secretName
          keyVaultUrl: shared.vaultReferences[secretName]
          identity: shared.identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'service'
          image: shared.image
          resources: {
            cpu: json(shared.cpu)
            memory: shared.memory
          }
          env: concat(commonSettings, roleSettings[role], extraSettings)
          probes: shared.probesEnabled ? probes : []
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: role == 'gateway' ? httpScaleRules : []
      }
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
