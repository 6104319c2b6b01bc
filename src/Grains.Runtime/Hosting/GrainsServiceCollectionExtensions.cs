using System.Reflection;
using Grains.Reminders;
using Grains.Runtime;
using Grains.Runtime.Cluster;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Metadata;
using Grains.Runtime.Placement;
using Grains.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Runs a silo in this host, with options bound from the <c>Grains</c>, <c>Reminders</c>, <c>Streams</c>,
    /// <c>StreamStorage</c> and <c>Cluster</c> configuration sections. <c>Cluster:Partitions</c>, when set, is the
    /// partition count (<see cref="GrainsOptions.Partitions"/>, also <c>Grains:Partitions</c>).
    /// </summary>
    public static IHostApplicationBuilder AddGrains(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        builder.Services.Configure<GrainsOptions>(builder.Configuration.GetSection("Grains"));
        if (builder.Configuration.GetValue<int?>($"{ClusterOptions.SectionName}:Partitions") is { } partitions)
        {
            builder.Services.Configure<GrainsOptions>(o => o.Partitions = partitions);
        }

        builder.Services.Configure<ClusterOptions>(builder.Configuration.GetSection(ClusterOptions.SectionName));
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Reminders"));
        builder.Services.Configure<StreamsOptions>(builder.Configuration.GetSection("Streams"));
        builder.Services.Configure<StreamStorageOptions>(builder.Configuration.GetSection("StreamStorage"));
        builder.Services.AddGrains(configure);
        return builder;
    }

    /// <summary>Runs a silo in this service collection's host.</summary>
    public static IServiceCollection AddGrains(this IServiceCollection services, Action<ISiloBuilder>? configure = null)
    {
        if (!services.Any(s => s.ServiceType == typeof(GrainRuntime)))
        {
            AddRuntimeServices(services);
        }

        configure?.Invoke(new SiloBuilder(services));
        return services;
    }

    private static void AddRuntimeServices(IServiceCollection services)
    {
        services.AddOptions<GrainsOptions>().ValidateOnStart();
        services.AddOptions<ReminderOptions>().ValidateOnStart();
        services.AddOptions<StreamsOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamsOptions>, StreamsOptionsValidator>();
        services.AddSingleton<IValidateOptions<GrainsOptions>, GrainsOptionsValidator>();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPartitionOwnership, LocalPartitionOwnership>();
        services.AddSingleton<GrainsMetrics>();
        services.AddSingleton(sp =>
        {
            var assemblies = sp.GetRequiredService<IOptions<GrainAssemblyOptions>>().Value.Assemblies.ToList();
            if (Assembly.GetEntryAssembly() is { } entry)
            {
                assemblies.Add(entry);
            }

            return new GrainTypeRegistry(assemblies);
        });
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton(sp => sp.GetRequiredService<GrainRuntime>().GrainFactory);
        services.AddSingleton(sp => sp.GetService<IReminderTable>() is { } table
            ? ActivatorUtilities.CreateInstance<ReminderService>(sp, table)
            : null!);
        services.AddSingleton<StreamsMetrics>();
        services.AddSingleton(sp => sp.GetService<IStreamLog>() is not null
            ? ActivatorUtilities.CreateInstance<StreamAgentManager>(sp)
            : null!);
        services.AddSingleton<IStreamMonitor>(sp => sp.GetService<StreamAgentManager>()
            ?? throw new InvalidOperationException("No stream log is configured; call UseInMemoryStreams or UseSqliteStreams on the silo builder."));
        services.AddSingleton<Silo>();
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
    }
}
