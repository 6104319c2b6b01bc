using Grains.Runtime;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Streams;

/// <summary>
/// Runs one pulling agent per partition this silo owns, wakes agents when events are appended, and applies retention
/// (only ever below every agent's checkpoint). Starts after the silo and stops before grains deactivate, so every
/// delivery in flight completes and is checkpointed before shutdown. In a cluster, agents start and stop with the
/// partitions the silo gains and hands off (<see cref="StartAgentsAsync"/>, <see cref="StopAgentsAsync"/>,
/// <see cref="KillAgents"/>).
/// </summary>
internal sealed partial class StreamAgentManager : IStreamMonitor
{
    private readonly IStreamLog _log;
    private readonly ICheckpointStore _checkpoints;
    private readonly IDeadLetterStore _deadLetters;
    private readonly GrainRuntime _runtime;
    private readonly IPartitionOwnership _ownership;
    private readonly StreamsOptions _options;
    private readonly TimeProvider _time;
    private readonly StreamsMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<StreamAgentManager> _logger;
    private readonly Dictionary<int, PartitionPullingAgent> _agents = [];
    private StreamDelivery? _delivery;
    private ITimer? _retentionTimer;
    private int _retaining;

    public StreamAgentManager(
        IStreamLog log,
        ICheckpointStore checkpoints,
        IDeadLetterStore deadLetters,
        GrainRuntime runtime,
        IPartitionOwnership ownership,
        IOptions<StreamsOptions> options,
        TimeProvider time,
        StreamsMetrics metrics,
        ILoggerFactory loggerFactory)
    {
        _log = log;
        _checkpoints = checkpoints;
        _deadLetters = deadLetters;
        _runtime = runtime;
        _ownership = ownership;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<StreamAgentManager>();
        metrics.ObserveStatus(() => [.. Agents.Select(a => a.GetStatus())]);
    }

    public string ConsumerGroup => _options.ConsumerGroup;

    private PartitionPullingAgent[] Agents
    {
        get
        {
            lock (_agents)
            {
                return [.. _agents.Values.OrderBy(a => a.Partition)];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_log.PartitionCount != _ownership.PartitionCount)
        {
            throw new InvalidOperationException(
                $"The stream log has {_log.PartitionCount} partitions but Grains:Partitions is {_ownership.PartitionCount}; they must be equal so events reach the silo that owns their grain.");
        }

        var subscriptions = new StreamSubscriptions(_runtime.Registry.AllGrainClasses());
        _delivery = new StreamDelivery(
            _runtime.GrainFactory, subscriptions, _deadLetters, _options, _time, _metrics, _loggerFactory.CreateLogger<StreamDelivery>());
        _log.Appended += OnAppended;
        await StartAgentsAsync(_ownership.OwnedPartitions, cancellationToken).ConfigureAwait(false);
        _retentionTimer = _time.CreateTimer(static state => _ = ((StreamAgentManager)state!).ApplyRetentionAsync(), this, _options.RetentionInterval, _options.RetentionInterval);
        LogStarted(_agents.Count, string.Join(", ", subscriptions.Namespaces));
    }

    public async Task StopAsync()
    {
        _log.Appended -= OnAppended;
        _retentionTimer?.Dispose();
        await Task.WhenAll(Agents.Select(a => a.StopAsync())).ConfigureAwait(false);
        lock (_agents)
        {
            _agents.Clear();
        }
    }

    /// <summary>Starts an agent for each partition this silo serves now and runs none for yet; its checkpoints carry the partition's fence.</summary>
    public async Task StartAgentsAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        var delivery = _delivery ?? throw new InvalidOperationException("The stream agents have not started.");
        var agentLogger = _loggerFactory.CreateLogger<PartitionPullingAgent>();
        foreach (var partition in partitions)
        {
            bool running;
            lock (_agents)
            {
                running = _agents.ContainsKey(partition);
            }

            if (running || !_ownership.TryGetFence(partition, out var fence))
            {
                continue;
            }

            var agent = new PartitionPullingAgent(partition, _log, _checkpoints, delivery, _options, _time, agentLogger, fence);
            await agent.StartAsync(cancellationToken).ConfigureAwait(false);
            lock (_agents)
            {
                _agents[partition] = agent;
            }
        }
    }

    /// <summary>Stops the partitions' agents gracefully: deliveries in flight finish (up to the drain timeout), then a checkpoint.</summary>
    public Task StopAgentsAsync(IReadOnlyCollection<int> partitions) => Task.WhenAll(TakeAgents(partitions).Select(a => a.StopAsync()));

    /// <summary>Stops the partitions' agents at once, without a checkpoint: the silo no longer holds their leases.</summary>
    public void KillAgents(IReadOnlyCollection<int> partitions)
    {
        foreach (var agent in TakeAgents(partitions))
        {
            agent.Kill();
        }
    }

    private List<PartitionPullingAgent> TakeAgents(IReadOnlyCollection<int> partitions)
    {
        var taken = new List<PartitionPullingAgent>();
        lock (_agents)
        {
            foreach (var partition in partitions)
            {
                if (_agents.Remove(partition, out var agent))
                {
                    taken.Add(agent);
                }
            }
        }

        return taken;
    }

    public void Kill()
    {
        _log.Appended -= OnAppended;
        _retentionTimer?.Dispose();
        foreach (var agent in Agents)
        {
            agent.Kill();
        }
    }

    public async Task<IReadOnlyList<StreamPartitionStatus>> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(Agents.Select(a => a.GetStatusAsync(cancellationToken))).ConfigureAwait(false);

    public async Task<bool> ReplayDeadLetterAsync(string id, CancellationToken cancellationToken = default)
    {
        var letter = await _deadLetters.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (letter is null)
        {
            return false;
        }

        var delivery = _delivery ?? throw new InvalidOperationException("The stream agents have not started.");
        await delivery.ReplayAsync(letter, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Checkpoints every agent now (tests and shutdown use it; agents also do it on their interval).</summary>
    public Task CheckpointAllAsync() => Task.WhenAll(Agents.Select(a => a.CheckpointAsync()));

    /// <summary>Removes checkpointed events older than the retention age, or beyond the per-partition bound.</summary>
    public async Task ApplyRetentionAsync()
    {
        if (Interlocked.Exchange(ref _retaining, 1) == 1)
        {
            return;
        }

        try
        {
            var cutoff = _time.GetUtcNow() - _options.RetentionAge;
            foreach (var agent in Agents)
            {
                var checkpoint = agent.Checkpointed;
                var removed = await _log.TrimAsync(agent.Partition, checkpoint, cutoff).ConfigureAwait(false);
                var info = await _log.GetPartitionInfoAsync(agent.Partition).ConfigureAwait(false);
                var overBound = info.LastSequenceNumber - _options.RetentionMaxEventsPerPartition;
                if (overBound >= info.FirstSequenceNumber)
                {
                    removed += await _log.TrimAsync(agent.Partition, Math.Min(checkpoint, overBound), DateTimeOffset.MaxValue).ConfigureAwait(false);
                }

                if (removed > 0)
                {
                    LogTrimmed(agent.Partition, removed);
                }
            }
        }
        catch (Exception error)
        {
            LogRetentionFailed(error);
        }
        finally
        {
            Volatile.Write(ref _retaining, 0);
        }
    }

    private void OnAppended(IReadOnlyCollection<int> partitions)
    {
        foreach (var partition in partitions)
        {
            PartitionPullingAgent? agent;
            lock (_agents)
            {
                _agents.TryGetValue(partition, out agent);
            }

            agent?.OnAppended();
        }
    }

    [LoggerMessage(1601, LogLevel.Information, "Stream agents started for {Partitions} partitions; subscribed namespaces: {Namespaces}")]
    private partial void LogStarted(int partitions, string namespaces);

    [LoggerMessage(1602, LogLevel.Debug, "Retention removed {Removed} events from partition {Partition}")]
    private partial void LogTrimmed(int partition, int removed);

    [LoggerMessage(1603, LogLevel.Warning, "Applying stream retention failed; the next interval retries")]
    private partial void LogRetentionFailed(Exception error);
}
