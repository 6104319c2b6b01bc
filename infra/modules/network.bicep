// The private network: one subnet for the Container Apps environment, one delegated to the PostgreSQL server, and the
// private DNS zone through which the apps resolve the server. The database has no public endpoint.

param location string
param tags object
param name string

@description('Name of the PostgreSQL server; its private DNS zone is named after it.')
param postgresServerName string

resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        // A workload-profiles environment needs a /27 or larger subnet delegated to it; /23 leaves room to grow.
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [
            {
              name: 'container-apps'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [
            {
              name: 'postgres-flexible-server'
              properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' }
            }
          ]
        }
      }
    ]
  }
}

resource postgresDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${postgresServerName}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresDns
  name: network.name
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: network.id }
  }
}

output appsSubnetId string = network.properties.subnets[0].id
output postgresSubnetId string = network.properties.subnets[1].id
// A module's outputs are known only once all of it is deployed, so the server that takes this id is created after the
// zone is linked to the network.
output postgresDnsZoneId string = postgresDns.id
