namespace Grains.Streams;

/// <summary>What operators ask of the silo's stream agents: status per partition, dead letters, and replay.</summary>
public interface IStreamMonitor
{
    string ConsumerGroup { get; }

    Task<IReadOnlyList<StreamPartitionStatus>> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers a dead-lettered event again; on success it leaves the dead-letter store. False when no dead letter has
    /// the id; throws what the grain threw when it fails again (the dead letter stays).
    /// </summary>
    Task<bool> ReplayDeadLetterAsync(string id, CancellationToken cancellationToken = default);
}
