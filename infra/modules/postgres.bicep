// Azure Database for PostgreSQL flexible server, inside the virtual network only (no public endpoint), and the
// service's database. The service creates and migrates its schema at start. It holds session advisory locks and
// LISTENs for the alert feed, so it connects directly on port 5432, never through a transaction-pooling PgBouncer.

param location string
param tags object
param name string
param sku object
param storageGb int
param highAvailability string

@secure()
param administratorPassword string

@description('Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers.')
param subnetId string

@description('Private DNS zone (linked to the network) that holds the server\'s name.')
param privateDnsZoneId string

var administratorLogin = 'fulfillment'
var databaseName = 'fulfillment'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: sku
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: highAvailability }
    // Injected into the delegated subnet: the server has no public endpoint at all.
    network: {
      delegatedSubnetResourceId: subnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output administratorLogin string = administratorLogin
