namespace Grains.Streams;

/// <summary>What operators ask of the silo's stream agents: status per partition, dead letters, and replay.</summary>
public interface IStreamMonitor
{
    string ConsumerGroup { get; }

    Task<IReadOnlyList<StreamPartitionStatus>> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Delivers a dead-lettered event again; on success it leaves the dead-letter store. Throws what the grain threw.</summary>
    Task ReplayDeadLetterAsync(string id, CancellationToken cancellationToken = default);
}
