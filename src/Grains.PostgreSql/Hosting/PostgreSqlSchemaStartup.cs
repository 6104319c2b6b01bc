using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.PostgreSql;

/// <summary>
/// Opens the database of every registered PostgreSQL provider when the host starts, so schemas are created and
/// migrated before the first grain activates, and a server that cannot be reached fails the start rather than the
/// first call.
/// </summary>
internal sealed class PostgreSqlSchemaStartup(
    IEnumerable<PostgreSqlOptionsName> names,
    PostgreSqlDatabaseRegistry registry,
    IOptionsMonitor<PostgreSqlStorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                foreach (var name in names.Select(n => n.Name).Distinct(StringComparer.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    registry.GetOrOpen(options.Get(name));
                }
            },
            cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
