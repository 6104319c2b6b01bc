using Fulfillment.Api.Hosting;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Bench.Hosting;

/// <summary>
/// What a scenario changes in the hosted service: its storage, configuration beyond the bench's defaults, services
/// registered before the service's own, and extra grain assemblies or providers in the silo.
/// </summary>
internal sealed record BenchServiceSetup(StorageProvider Storage, string DataSource)
{
    /// <summary>Configuration keys set on top of <see cref="BenchService"/>'s defaults.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public Action<ISiloBuilder>? ConfigureSilo { get; init; }
}
