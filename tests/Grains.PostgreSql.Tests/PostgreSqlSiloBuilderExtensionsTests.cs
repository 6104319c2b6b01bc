using Grains.Hosting;
using Grains.Reminders;
using Grains.Storage;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.PostgreSql.Tests;

public sealed class PostgreSqlSiloBuilderExtensionsTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();
    private readonly PostgreSqlTestSchema _otherSchema = new();
    private readonly ServiceCollection _services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _schema.DisposeAsync();
        await _otherSchema.DisposeAsync();
    }

    [Fact]
    public async Task AddPostgreSqlGrainStorage_Name_RegistersKeyedProviderOnConfiguredSchema()
    {
        new TestSiloBuilder(_services).AddPostgreSqlGrainStorage("Carts", Configure(_schema));
        await using var provider = _services.BuildServiceProvider();

        var storage = Assert.IsType<PostgreSqlGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("Carts"));

        Assert.Equal(_schema.Name, storage.Database.Schema);
        Assert.EndsWith($"/{_schema.Name}", storage.Database.Name, StringComparison.Ordinal);
        Assert.Null(provider.GetKeyedService<IGrainStorage>(GrainStorageNames.Default));
    }

    [Fact]
    public async Task AddPostgreSqlGrainStorage_SameSchema_ProvidersShareOneDatabase()
    {
        new TestSiloBuilder(_services)
            .AddPostgreSqlGrainStorage("A", Configure(_schema))
            .AddPostgreSqlGrainStorageAsDefault(Configure(_schema))
            .AddPostgreSqlGrainStorage("C", Configure(_otherSchema))
            .UsePostgreSqlReminderService(Configure(_schema));
        await using var provider = _services.BuildServiceProvider();

        var a = (PostgreSqlGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("A");
        var b = (PostgreSqlGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var c = (PostgreSqlGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("C");
        var reminders = (PostgreSqlReminderTable)provider.GetRequiredService<IReminderTable>();

        Assert.NotSame(a, b);
        Assert.Same(a.Database, b.Database);
        Assert.Same(a.Database, reminders.Database);
        Assert.NotSame(a.Database, c.Database);
    }

    [Fact]
    public async Task AddPostgreSqlGrainStorage_SameSchemaOtherSettings_RefusedNamingTheSettings()
    {
        new TestSiloBuilder(_services)
            .AddPostgreSqlGrainStorage("A", Configure(_schema))
            .AddPostgreSqlGrainStorage("B", o =>
            {
                Configure(_schema)(o);
                o.WriteConcurrency = 1;
            });
        await using var provider = _services.BuildServiceProvider();
        provider.GetRequiredKeyedService<IGrainStorage>("A");

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IGrainStorage>("B"));

        Assert.Contains("WriteConcurrency=4", error.Message, StringComparison.Ordinal);
        Assert.Contains("WriteConcurrency=1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPostgreSqlGrainStorage_NoConnectionString_FailsNamingProviderAndOption()
    {
        new TestSiloBuilder(_services).AddPostgreSqlGrainStorageAsDefault();
        await using var provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));

        Assert.StartsWith("PostgreSql[Default]:ConnectionString is empty", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_RegisteredProvider_CreatesAndMigratesItsSchemaBeforeAnyCall()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        new TestSiloBuilder(builder.Services).UsePostgreSqlReminderService(Configure(_schema));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal((long)SchemaMigrations.All.Count, await _schema.ExecuteScalarAsync("SELECT COUNT(*) FROM schema_version;"));
        await host.StopAsync();
    }

    [Fact]
    public async Task UsePostgreSqlReminderService_ReplacesTheTableRegisteredBefore()
    {
        new TestSiloBuilder(_services).UseInMemoryReminderService().UsePostgreSqlReminderService(Configure(_schema));
        await using var provider = _services.BuildServiceProvider();

        Assert.IsType<PostgreSqlReminderTable>(Assert.Single(provider.GetServices<IReminderTable>()));
    }

    [Fact]
    public async Task UsePostgreSqlStreams_RegistersLogCheckpointsAndDeadLettersOnTheSchemaOfState()
    {
        new TestSiloBuilder(_services)
            .Configure(o => o.Partitions = 6)
            .AddPostgreSqlGrainStorageAsDefault(Configure(_schema))
            .UseInMemoryStreams()
            .UsePostgreSqlStreams(Configure(_schema), s => s.DeduplicationCapacity = 10);
        await using var provider = _services.BuildServiceProvider();

        var log = Assert.IsType<PostgreSqlStreamLog>(Assert.Single(provider.GetServices<IStreamLog>()));
        var checkpoints = Assert.IsType<PostgreSqlCheckpointStore>(Assert.Single(provider.GetServices<ICheckpointStore>()));
        var deadLetters = Assert.IsType<PostgreSqlDeadLetterStore>(Assert.Single(provider.GetServices<IDeadLetterStore>()));
        var state = (PostgreSqlGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

        Assert.Equal(6, log.PartitionCount);
        Assert.Same(state.Database, log.Database);
        Assert.Same(log.Database, checkpoints.Database);
        Assert.Same(log.Database, deadLetters.Database);
        Assert.Equal(10, provider.GetRequiredService<IOptions<StreamStorageOptions>>().Value.DeduplicationCapacity);
    }

    private static Action<PostgreSqlStorageOptions> Configure(PostgreSqlTestSchema schema) => o =>
    {
        o.ConnectionString = schema.ConnectionString;
        o.Schema = schema.Name;
    };
}
