using Fulfillment.Grains.Changes;
using Fulfillment.ReadModels.Diagnostics;
using Fulfillment.ReadModels.Feed;
using Fulfillment.ReadModels.Projection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.Hosting;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// The order and alert read models: the <see cref="IOrderChangeSink"/> that hands order changes to the projector
    /// (replacing the default that drops them), the projector, recovery, the <see cref="AlertFeed"/> (and what keeps it
    /// complete when other processes write the same store),
    /// <see cref="ReadModelQueries"/> and the <c>Fulfillment.ReadModels</c> meter; options from the <c>ReadModel</c>
    /// section. An <see cref="IReadModelStore"/> must be registered too (for SQLite: <c>AddSqliteReadModelStore</c>).
    /// Call it before the silo is added, so the projector starts before the grains that publish to it and stops after them.
    /// </summary>
    public static IServiceCollection AddOrderReadModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReadModelOptions>().Bind(configuration.GetSection(ReadModelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadModelOptions>, ReadModelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProjectionQueue>();
        services.TryAddSingleton<AlertFeed>();
        services.TryAddSingleton<AlertFeedPublisher>();
        services.TryAddSingleton<ReadModelMetrics>();
        services.TryAddSingleton<ProjectionRecovery>();
        services.TryAddSingleton(sp => new ReadModelQueries(
            sp.GetRequiredService<IReadModelStore>(), sp.GetRequiredService<AlertFeed>(), sp.GetRequiredService<ProjectionRecovery>()));
        services.Replace(ServiceDescriptor.Singleton<IOrderChangeSink, ReadModelChangeSink>());
        services.AddHostedService<OrderProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionRecovery>());
        services.AddHostedService<AlertFeedFollower>();
        return services;
    }
}
