using Fulfillment.ReadModels.PostgreSql.Hosting;
using Grains.PostgreSql;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

public sealed class PostgreSqlReadModelRegistrationTests
{
    [Fact]
    public async Task AddPostgreSqlReadModelStore_WithoutConnectionString_HostStartFailsNamingIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgreSqlReadModelStore(o => o.Schema = "orders");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("ReadModel:PostgreSql:ConnectionString is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddPostgreSqlReadModelStore_Configured_ResolvesTheStoreOnThatSchemaAndDisposesIt()
    {
        await using var schema = new PostgreSqlTestSchema();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPostgreSqlReadModelStore(o =>
        {
            o.ConnectionString = schema.ConnectionString;
            o.Schema = schema.Name;
        });
        var host = builder.Build();
        var store = Assert.IsType<PostgreSqlReadModelStore>(host.Services.GetRequiredService<IReadModelStore>());
        await store.InitializeAsync(CancellationToken.None);

        host.Dispose();

        Assert.Equal(PostgreSqlDataSources.Describe(schema.ConnectionString, schema.Name), store.Name);
        Assert.Equal(string.Empty, await WriterSessions.WritersAsync(schema));
    }
}
