using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.PostgreSql.Hosting;

public static class PostgreSqlReadModelServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the read models in PostgreSQL (<see cref="PostgreSqlReadModelStore"/>) with the options
    /// <paramref name="configure"/> sets, validated when the host starts (a missing connection string fails the start,
    /// naming it).
    /// </summary>
    public static IServiceCollection AddPostgreSqlReadModelStore(this IServiceCollection services, Action<PostgreSqlReadModelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PostgreSqlReadModelOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlReadModelOptions>, PostgreSqlReadModelOptionsValidator>());
        // A factory, so the container disposes the store (ending its writer session) at shutdown.
        services.AddSingleton<IReadModelStore>(sp => new PostgreSqlReadModelStore(
            sp.GetRequiredService<IOptions<PostgreSqlReadModelOptions>>().Value,
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        return services;
    }
}
