using System.Diagnostics.Metrics;
using Grains.Runtime.Cluster;
using Grains.Runtime.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class ClusterSiloBuilderExtensions
{
    /// <summary>
    /// Shares the partitions with the other silos of <paramref name="store"/> through leases: a
    /// <see cref="PartitionLeaseManager"/> decides what this silo serves, replacing the single-silo ownership of every
    /// partition. Options come from the <c>Cluster</c> section (<see cref="ClusterOptions"/>), adjusted by
    /// <paramref name="configure"/>, validated at start.
    /// </summary>
    public static ISiloBuilder UseCluster(this ISiloBuilder builder, Func<IServiceProvider, IClusterStore> store, Action<ClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var services = builder.Services;
        var options = services.AddOptions<ClusterOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.RemoveAll<IClusterStore>();
        services.AddSingleton(store);
        services.RemoveAll<IPartitionOwnership>();
        services.AddSingleton<IPartitionOwnership>(static sp => sp.GetRequiredService<PartitionLeaseManager>());
        services.TryAddSingleton(static sp => new PartitionLeaseManager(
            sp.GetRequiredService<IClusterStore>(),
            new SiloPartitionWork(sp),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value,
            sp.GetRequiredService<IOptions<GrainsOptions>>().Value.Partitions,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PartitionLeaseManager>>(),
            sp.GetService<IMeterFactory>()));

        // After the silo's own registration: it starts once the silo runs, and hands partitions off before the silo stops.
        services.AddHostedService(static sp => sp.GetRequiredService<PartitionLeaseManager>());
        return builder;
    }

    /// <summary>
    /// Shares partitions through a cluster store in process memory: one silo on its own (it claims every partition at
    /// start), or several silos of one process given the same <paramref name="store"/> (tests).
    /// </summary>
    public static ISiloBuilder UseInMemoryCluster(this ISiloBuilder builder, MemoryClusterStore? store = null, Action<ClusterOptions>? configure = null)
    {
        var shared = store ?? new MemoryClusterStore();
        return builder.UseCluster(_ => shared, configure);
    }
}
