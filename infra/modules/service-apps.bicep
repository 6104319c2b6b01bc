// The service's container apps, all running the one image azd deploys to the api service.
//   siloCount = 1: the api app is the whole service (role embedded): gateway and silo in one process, one replica.
//   siloCount > 1: the api app is the gateway (role gateway), scaled out on HTTP load, and each silo is an app of its
//                  own (role silo) with one replica, so its app name is a stable address to advertise.

param location string
param tags object
param apiName string
param siloNamePrefix string
param siloNameSuffix string

@description('Whether azd has deployed the api service before; then its image is kept, else a placeholder runs.')
param apiExists bool

param siloCount int
param environmentId string
param identityId string
param registryServer string

@description('Key Vault secret URI by secret name.')
param vaultReferences object

param gatewayMinReplicas int
param gatewayMaxReplicas int
param gatewayConcurrentRequests int
param siloPort int
param clusterPartitions int
param clusterLeaseDuration string
param simulatorEnabled bool

@description('Extra configuration keys and values for every app.')
param appSettings object

param cpu string
param memory string

// Until the first `azd deploy` the apps run a stand-in that listens on 8080 (an ASP.NET Core sample without the
// service's health routes, so probes start with the service image).
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'
var clustered = siloCount > 1

resource existingApi 'Microsoft.App/containerApps@2024-03-01' existing = if (apiExists) {
  name: apiName
}

var image = apiExists ? existingApi!.properties.template.containers[0].image : placeholderImage

var shared = {
  environmentId: environmentId
  identityId: identityId
  registryServer: registryServer
  vaultReferences: vaultReferences
  image: image
  probesEnabled: apiExists
  siloPort: siloPort
  clusterPartitions: clusterPartitions
  clusterLeaseDuration: clusterLeaseDuration
  simulatorEnabled: simulatorEnabled
  appSettings: appSettings
  cpu: cpu
  memory: memory
}

module api 'container-app.bicep' = {
  name: 'app-api'
  params: {
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    name: apiName
    role: clustered ? 'gateway' : 'embedded'
    minReplicas: clustered ? gatewayMinReplicas : 1
    maxReplicas: clustered ? gatewayMaxReplicas : 1
    concurrentRequests: gatewayConcurrentRequests
    shared: shared
  }
}

module silos 'container-app.bicep' = [
  for index in range(0, clustered ? siloCount : 0): {
    name: 'app-silo-${index}'
    params: {
      location: location
      tags: tags
      name: '${siloNamePrefix}${index}${siloNameSuffix}'
      role: 'silo'
      minReplicas: 1
      maxReplicas: 1
      concurrentRequests: gatewayConcurrentRequests
      shared: shared
    }
  }
]

output apiName string = api.outputs.name
output apiUri string = 'https://${api.outputs.fqdn}'
output siloNames array = [for index in range(0, clustered ? siloCount : 0): silos[index].outputs.name]
