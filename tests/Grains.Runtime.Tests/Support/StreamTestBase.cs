using System.Text;
using Grains.Hosting;
using Grains.Runtime.Tests.Grains;
using Grains.Storage;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.Support;

/// <summary>
/// A silo with in-memory streams on one partition (so sequence numbers follow append order across keys) and
/// subscriber grains whose behaviour tests script. Log, checkpoints, dead letters and grain state can be shared with a
/// later silo to test what survives a kill.
/// </summary>
public abstract class StreamTestBase : RuntimeTestBase
{
    protected StreamTestBase()
    {
        Behavior = new StreamBehavior(Gates, Signals);
    }

    protected StreamBehavior Behavior { get; }

    protected IStreamLog Log => Silo.Services.GetRequiredService<IStreamLog>();

    protected ICheckpointStore Checkpoints => Silo.Services.GetRequiredService<ICheckpointStore>();

    protected IDeadLetterStore DeadLetters => Silo.Services.GetRequiredService<IDeadLetterStore>();

    protected IStreamMonitor Monitor => Silo.Services.GetRequiredService<IStreamMonitor>();

    public override async Task InitializeAsync() => await RestartStreamSiloAsync(shared: null);

    /// <summary>Kills the current silo and starts one with the given stores (fresh ones when null).</summary>
    protected async Task RestartStreamSiloAsync(SharedStores? shared, Action<StreamsOptions>? streams = null, Action<GrainsOptions>? grains = null)
    {
        if (Silo is not null)
        {
            await Silo.KillAsync();
        }

        Silo = await StartSiloAsync(
            silo =>
            {
                silo.Configure(o =>
                {
                    o.Partitions = 1;
                    grains?.Invoke(o);
                });
                silo.UseInMemoryStreams();
                silo.Services.Configure<StreamsOptions>(o =>
                {
                    o.CheckpointInterval = TimeSpan.FromSeconds(1);
                    o.RetryInitialDelay = TimeSpan.FromMilliseconds(100);
                    o.MaxDeliveryAttempts = 3;
                    streams?.Invoke(o);
                });
            },
            shared?.Time,
            services =>
            {
                services.AddSingleton(Behavior);
                if (shared is not null)
                {
                    services.AddSingleton(shared.Log);
                    services.AddSingleton(shared.Checkpoints);
                    services.AddSingleton(shared.DeadLetters);
                    services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, shared.Storage);
                }
            });
    }

    protected async Task<StreamAppendResult> AppendAsync(params (string Key, string Body)[] events) =>
        await Log.AppendAsync([.. events.Select(e => new StreamEventData("orders", e.Key, $"evt-{e.Body}", Encoding.UTF8.GetBytes(e.Body)))]);

    protected async Task<StreamPartitionStatus> StatusAsync() => (await Monitor.GetStatusAsync()).Single();

    /// <summary>
    /// Lets the first <paramref name="failures"/> deliveries of <paramref name="body"/> fail, moving the clock through
    /// each back-off (100 ms, doubling) once the agent has armed it.
    /// </summary>
    protected async Task AdvanceThroughFailuresAsync(string body, int failures)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var failure = 1; failure <= failures; failure++)
        {
            await Signals.WaitFor($"failed:{body}", failure);
            await Silo.Time.WaitForTimerDueWithinAsync(backoff);
            Silo.Time.Advance(backoff);
            backoff *= 2;
        }
    }

    /// <summary>Waits (by yielding, not sleeping) until the stream status satisfies the condition.</summary>
    protected async Task WaitForStatusAsync(Func<StreamPartitionStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition(await StatusAsync()))
        {
            Assert.True(DateTime.UtcNow < deadline, "The stream never reached the expected status.");
            await Task.Yield();
        }
    }

    /// <summary>Stores that outlive one silo.</summary>
    protected sealed record SharedStores(IStreamLog Log, ICheckpointStore Checkpoints, IDeadLetterStore DeadLetters, IGrainStorage Storage, ManualTimeProvider Time);
}
