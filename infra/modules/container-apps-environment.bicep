// The Container Apps environment in the private network, on the Consumption workload profile. Console output goes to
// Log Analytics; the managed OpenTelemetry agent takes the traces and logs the service sends over OTLP (it sets
// OTEL_EXPORTER_OTLP_ENDPOINT in every app) and forwards them to Application Insights.

param location string
param tags object
param name string
param workspaceName string

@secure()
param applicationInsightsConnectionString string

@description('Subnet delegated to Microsoft.App/environments.')
param infrastructureSubnetId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

// The preview API version is the one that configures the OpenTelemetry agent.
resource environment 'Microsoft.App/managedEnvironments@2024-10-02-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: false
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: applicationInsightsConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
      logsConfiguration: { destinations: ['appInsights'] }
    }
  }
}

output id string = environment.id
output name string = environment.name
