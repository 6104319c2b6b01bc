using Fulfillment.Api.Auth;
using Fulfillment.Api.OpenApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Hosting;

/// <summary>Once the server listens, says where Swagger is, and warns loudly when every route is open.</summary>
internal sealed partial class StartupLog(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<ApiKeyOptions> keys,
    IOptions<StorageOptions> storage,
    ILogger<StartupLog> logger) : IHostedService
{
    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(OnStarted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        return Task.CompletedTask;
    }

    private void OnStarted()
    {
        if (keys.Value.IsOpen)
        {
            LogOpen(ApiKeyOptions.SectionName);
        }

        LogStorage(storage.Value.Provider, storage.Value.Provider switch
        {
            StorageProvider.Sqlite => storage.Value.Sqlite.DataSource,
            StorageProvider.PostgreSql => $"schema {storage.Value.PostgreSql.Schema}",
            _ => "(memory)",
        });
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            LogSwagger(address.TrimEnd('/') + SwaggerSetup.UiPath);
        }
    }

    [LoggerMessage(2001, LogLevel.Information, "Swagger UI: {Url}")]
    private partial void LogSwagger(string url);

    [LoggerMessage(2002, LogLevel.Warning, "No API keys are configured ({Section}:ApiKeys): every route is open. Only Development allows this.")]
    private partial void LogOpen(string section);

    [LoggerMessage(2003, LogLevel.Information, "Storage: {Provider} {DataSource}")]
    private partial void LogStorage(StorageProvider provider, string dataSource);
}
