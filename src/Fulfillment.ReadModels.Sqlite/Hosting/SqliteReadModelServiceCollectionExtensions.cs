using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.ReadModels.Sqlite.Hosting;

public static class SqliteReadModelServiceCollectionExtensions
{
    /// <summary>Keeps the read models in SQLite (<see cref="SqliteReadModelStore"/>) with the options <paramref name="configure"/> sets.</summary>
    public static IServiceCollection AddSqliteReadModelStore(this IServiceCollection services, Action<SqliteReadModelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteReadModelOptions();
        configure(options);
        // A factory, not an instance, so the container disposes the store (and closes its file) at shutdown.
        services.AddSingleton<IReadModelStore>(_ => new SqliteReadModelStore(options));
        return services;
    }
}
