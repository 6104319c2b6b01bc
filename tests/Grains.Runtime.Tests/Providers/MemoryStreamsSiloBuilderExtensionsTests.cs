using Grains.Hosting;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Tests.Providers;

public sealed class MemoryStreamsSiloBuilderExtensionsTests
{
    private readonly ServiceCollection _services = new();

    [Fact]
    public async Task UseInMemoryStreams_RegistersMemoryProvidersWithGrainsPartitionCount()
    {
        var builder = new Builder(_services);
        builder.Configure(o => o.Partitions = 12);
        builder.UseInMemoryStreams();
        await using var provider = _services.BuildServiceProvider();

        var log = Assert.IsType<MemoryStreamLog>(provider.GetRequiredService<IStreamLog>());

        Assert.Equal(12, log.PartitionCount);
        Assert.IsType<MemoryCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        Assert.IsType<MemoryDeadLetterStore>(provider.GetRequiredService<IDeadLetterStore>());
        Assert.Same(log, provider.GetRequiredService<IStreamLog>());
    }

    [Fact]
    public async Task UseInMemoryStreams_Configure_LogUsesTheDeduplicationWindowAndTimeProvider()
    {
        var clock = new ManualTimeProvider();
        _services.AddSingleton<TimeProvider>(clock);
        new Builder(_services).UseInMemoryStreams(o => o.DeduplicationWindow = TimeSpan.FromMinutes(1));
        await using var provider = _services.BuildServiceProvider();
        var log = provider.GetRequiredService<IStreamLog>();
        var data = new StreamEventData("orders", "k", "evt-1", new byte[] { 1 });
        await log.AppendAsync([data]);
        clock.Advance(TimeSpan.FromMinutes(1));

        var again = await log.AppendAsync([data]);

        var position = Assert.Single(again.Appended);
        Assert.Equal(2, position.SequenceNumber);
        Assert.Equal(clock.GetUtcNow(), Assert.Single(await log.ReadAsync(position.Partition, 2, 1)).EnqueuedTime);
    }

    [Fact]
    public async Task UseInMemoryStreams_EarlierRegistrations_AreReplaced()
    {
        _services.AddSingleton<IStreamLog>(new MemoryStreamLog(1, TimeProvider.System, TimeSpan.FromDays(1)));
        _services.AddSingleton<ICheckpointStore>(new MemoryCheckpointStore(TimeProvider.System));
        _services.AddSingleton<IDeadLetterStore>(new MemoryDeadLetterStore());

        new Builder(_services).UseInMemoryStreams();

        Assert.Single(_services, s => s.ServiceType == typeof(IStreamLog));
        Assert.Single(_services, s => s.ServiceType == typeof(ICheckpointStore));
        Assert.Single(_services, s => s.ServiceType == typeof(IDeadLetterStore));
        await using var provider = _services.BuildServiceProvider();
        Assert.Equal(32, provider.GetRequiredService<IStreamLog>().PartitionCount);
    }

    [Fact]
    public async Task UseInMemoryStreams_InvalidWindow_OptionsValidationNamesIt()
    {
        new Builder(_services).UseInMemoryStreams(o => o.DeduplicationWindow = TimeSpan.Zero);
        await using var provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StreamStorageOptions>>().Value);

        Assert.Contains("StreamStorage:DeduplicationWindow is 00:00:00", error.Message, StringComparison.Ordinal);
    }

    private sealed class Builder(IServiceCollection services) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
