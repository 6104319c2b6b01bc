using Grains.Hosting;
using Grains.Reminders;
using Grains.Storage;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Sqlite.Tests.Streams;

public sealed class SqliteStreamsSiloBuilderExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceCollection _services = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UseSqliteStreams_RegistersLogCheckpointsAndDeadLettersOnOneDatabase()
    {
        var dataSource = _directory.File("streams.db");
        new TestSiloBuilder(_services).Configure(o => o.Partitions = 6).UseSqliteStreams(o => o.DataSource = dataSource);
        await using var provider = _services.BuildServiceProvider();

        var log = Assert.IsType<SqliteStreamLog>(provider.GetRequiredService<IStreamLog>());
        var checkpoints = Assert.IsType<SqliteCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        var deadLetters = Assert.IsType<SqliteDeadLetterStore>(provider.GetRequiredService<IDeadLetterStore>());

        Assert.Equal(6, log.PartitionCount);
        Assert.Equal(dataSource, log.Database.DataSource);
        Assert.Same(log.Database, checkpoints.Database);
        Assert.Same(log.Database, deadLetters.Database);
        Assert.Same(log, provider.GetRequiredService<IStreamLog>());
    }

    [Fact]
    public async Task UseSqliteStreams_SameFileAsStateAndReminders_SharesTheirDatabase()
    {
        var dataSource = _directory.File("grains.db");
        new TestSiloBuilder(_services)
            .AddSqliteGrainStorageAsDefault(o => o.DataSource = dataSource)
            .UseSqliteReminderService(o => o.DataSource = dataSource)
            .UseSqliteStreams(o => o.DataSource = dataSource);
        await using var provider = _services.BuildServiceProvider();

        var log = (SqliteStreamLog)provider.GetRequiredService<IStreamLog>();

        Assert.Same(((SqliteGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default)).Database, log.Database);
        Assert.Same(((SqliteReminderTable)provider.GetRequiredService<IReminderTable>()).Database, log.Database);
    }

    [Fact]
    public async Task UseSqliteStreams_AfterInMemoryStreams_ReplacesThem()
    {
        new TestSiloBuilder(_services).UseInMemoryStreams().UseSqliteStreams(o => o.DataSource = _directory.File("streams.db"));

        Assert.Single(_services, s => s.ServiceType == typeof(IStreamLog));
        Assert.Single(_services, s => s.ServiceType == typeof(ICheckpointStore));
        Assert.Single(_services, s => s.ServiceType == typeof(IDeadLetterStore));
        await using var provider = _services.BuildServiceProvider();
        Assert.IsType<SqliteStreamLog>(provider.GetRequiredService<IStreamLog>());
        Assert.IsType<SqliteCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        Assert.IsType<SqliteDeadLetterStore>(provider.GetRequiredService<IDeadLetterStore>());
    }

    [Fact]
    public async Task UseSqliteStreams_ConfigureStreams_LogUsesThatDeduplicationWindow()
    {
        var clock = new Testing.ManualTimeProvider();
        _services.AddSingleton<TimeProvider>(clock);
        new TestSiloBuilder(_services).UseSqliteStreams(o => o.DataSource = _directory.File("streams.db"), o => o.DeduplicationWindow = TimeSpan.FromMinutes(2));
        await using var provider = _services.BuildServiceProvider();
        var log = provider.GetRequiredService<IStreamLog>();
        var data = new StreamEventData("orders", "k", "evt-1", new byte[] { 1 });
        await log.AppendAsync([data]);
        clock.Advance(TimeSpan.FromMinutes(2));

        var again = await log.AppendAsync([data]);

        Assert.Equal(2, Assert.Single(again.Appended).SequenceNumber);
    }

    [Fact]
    public async Task UseSqliteStreams_InvalidStorageOptions_ResolvingThrowsValidationMessage()
    {
        new TestSiloBuilder(_services).UseSqliteStreams(o => { o.DataSource = _directory.File("x.db"); o.MaxBatchSize = 0; });
        await using var provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStreamLog>());

        Assert.Contains("Sqlite[Grains.Sqlite.Streams]:MaxBatchSize is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSqliteStreams_InvalidWindow_ResolvingThrowsValidationMessage()
    {
        new TestSiloBuilder(_services).UseSqliteStreams(o => o.DataSource = _directory.File("x.db"), o => o.DeduplicationWindow = TimeSpan.FromSeconds(-1));
        await using var provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStreamLog>());

        Assert.Contains("StreamStorage:DeduplicationWindow is -00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSqliteStreams_FileCreatedWithOtherPartitionCount_ResolvingTheLogThrows()
    {
        var dataSource = _directory.File("streams.db");
        await using (var database = SqliteDatabase.Open(new SqliteStorageOptions { DataSource = dataSource }))
        {
            _ = new SqliteStreamLog(database, 3, TimeSpan.FromDays(7));
        }

        new TestSiloBuilder(_services).UseSqliteStreams(o => o.DataSource = dataSource);
        await using var provider = _services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStreamLog>());

        Assert.Contains("was created with 3 partitions; this log asks for 32", error.Message, StringComparison.Ordinal);
    }
}
