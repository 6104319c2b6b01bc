using System.Collections.Concurrent;
using System.Text.Json;
using Grains.Hosting;
using Grains.Reminders;
using Grains.Runtime.Catalog;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Metadata;
using Grains.Runtime.Placement;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime;

/// <summary>
/// The silo's call path: every call made through a grain reference arrives here as a request, gets its deadline and
/// call chain, and is routed to the activation on the partition's owner. One path whether or not the call is
/// serialized, so the cluster transport adds a hop, not a second path.
/// </summary>
internal sealed partial class GrainRuntime : IGrainCallInvoker, ICallCompletionObserver
{
    private readonly IPartitionOwnership _ownership;
    private readonly PendingCallTracker _pendingCalls;
    private readonly ConcurrentDictionary<string, IGrainStorage?> _storage = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Lazy<ReminderService?> _reminders;
    private volatile RuntimeStatus _status = RuntimeStatus.Running;

    public GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        IOptions<GrainsOptions> options,
        IOptions<GrainSerializerOptions> serializerOptions,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        GrainsMetrics metrics,
        IPartitionOwnership ownership)
    {
        Services = services;
        Registry = registry;
        Options = options.Value;
        Time = time;
        Metrics = metrics;
        SerializerOptions = serializerOptions.Value.Build();
        _ownership = ownership;
        _logger = loggerFactory.CreateLogger<GrainRuntime>();
        ActivationLogger = loggerFactory.CreateLogger<ActivationData>();
        Catalog = new Catalog.Catalog(this);
        GrainFactory = new GrainFactory(this, registry);
        Serializer = new MessageSerializer(registry, SerializerOptions, time);
        _pendingCalls = new PendingCallTracker(time, metrics.CallTimedOut);
        _reminders = new Lazy<ReminderService?>(() => services.GetService<ReminderService>());
        metrics.ObserveActivationCount(() => Catalog.Count);
    }

    public IServiceProvider Services { get; }

    /// <summary>Which partitions this silo serves, and the lease fence its writes for them carry.</summary>
    public IPartitionOwnership Ownership => _ownership;

    public GrainTypeRegistry Registry { get; }

    public GrainsOptions Options { get; }

    public TimeProvider Time { get; }

    public GrainsMetrics Metrics { get; }

    public JsonSerializerOptions SerializerOptions { get; }

    public MessageSerializer Serializer { get; }

    public Catalog.Catalog Catalog { get; }

    public IGrainFactory GrainFactory { get; }

    public ILogger ActivationLogger { get; }

    /// <summary>Canceled only when the silo is killed; graceful shutdown lets grain code finish.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    public ReminderService Reminders => _reminders.Value
        ?? throw new InvalidOperationException("No reminder service is configured. Call UseInMemoryReminderService or UseSqliteReminderService on the silo builder.");

    public int PendingCalls => _pendingCalls.Count;

    public ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var parent = RequestContext.Current;
        var status = _status;
        if (status != RuntimeStatus.Running && (parent is null || status == RuntimeStatus.Stopped))
        {
            return ValueTask.FromException<TResult>(new SiloUnavailableException(
                status == RuntimeStatus.Stopping ? "The silo is shutting down and takes no new calls." : "The silo has stopped."));
        }

        request.AssignId();
        request.Target = target.GrainId;
        request.Parent = parent;
        var timeout = target.ResponseTimeout ?? request.Method.ResponseTimeout ?? Options.ResponseTimeout;
        request.TimeoutTicks = Math.Max(1, (long)(timeout.TotalSeconds * Time.TimestampFrequency));
        Metrics.CallMade();
        if (Metrics.CallDurationEnabled)
        {
            request.StartTimestamp = Time.GetTimestamp();
            request.MeasureDuration = true;
            request.CompletionObserver = this;
        }

        var pending = request.AsValueTask();
        if (Options.SerializeInSiloCalls)
        {
            SendSerialized(request);
        }
        else
        {
            Route(request);
        }

        if (!request.IsCompleted)
        {
            request.EnsureDeadline(Time);
            request.CompletionObserver = this;
            _pendingCalls.Track(request);
        }

        return pending;
    }

    /// <summary>Hands a request to its grain's activation on this silo, if this silo owns the grain's partition.</summary>
    public void Route(GrainRequest request)
    {
        var partition = request.Target.GetPartition(_ownership.PartitionCount);
        if (!_ownership.IsOwnedLocally(partition))
        {
            request.Fail(new SiloUnavailableException($"This silo does not own partition {partition} of {request.Target}."));
            return;
        }

        Catalog.Dispatch(request);
    }

    void ICallCompletionObserver.OnCallCompleted(GrainRequest request)
    {
        _pendingCalls.Untrack(request);
        if (request.MeasureDuration)
        {
            Metrics.CallCompleted(Time.GetElapsedTime(request.StartTimestamp));
        }
    }

    public IGrainStorage? GetStorage(string name) =>
        _storage.GetOrAdd(name, static (key, services) => services.GetKeyedService<IGrainStorage>(key), Services);

    public void Start() => _pendingCalls.Start(Options.ResponseTimeoutCheckInterval);

    /// <summary>Stops taking calls from outside the silo; calls made by grains still run so queued work can drain.</summary>
    public void BeginStopping() => _status = RuntimeStatus.Stopping;

    public void CompleteStopping()
    {
        _status = RuntimeStatus.Stopped;
        _pendingCalls.Dispose();
    }

    /// <summary>Stops at once: activations are dropped without OnDeactivateAsync, as if the process had died.</summary>
    public void Kill()
    {
        _status = RuntimeStatus.Stopped;
        _stopping.Cancel();
        _pendingCalls.Dispose();
        Catalog.AbandonAll();
    }

    // A serialized call: the request is written and read back, and runs as the copy a remote silo would receive.
    private void SendSerialized(GrainRequest request)
    {
        GrainRequest copy;
        try
        {
            copy = Serializer.ReadRequest(Serializer.WriteRequest(request));
        }
        catch (Exception error)
        {
            request.Fail(error);
            return;
        }

        copy.ResponseSink = new LoopbackResponseSink(request, Serializer);
        Route(copy);
    }

    public void LogTimerFailed(GrainId grainId, Exception error) => Log.TimerFailed(_logger, grainId, error);

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Warning, "A timer callback of {GrainId} threw; the timer keeps running")]
        public static partial void TimerFailed(ILogger logger, GrainId grainId, Exception error);
    }
}
