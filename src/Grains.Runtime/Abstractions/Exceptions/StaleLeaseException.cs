namespace Grains;

/// <summary>
/// A write was fenced off: it carried a partition lease epoch that is no longer current, because another silo has
/// claimed the partition since. Nothing was written. The writing activation deactivates; the call belongs on the
/// partition's new owner.
/// </summary>
public sealed class StaleLeaseException : Exception
{
    public StaleLeaseException() { }

    public StaleLeaseException(string message) : base(message) { }

    public StaleLeaseException(string message, Exception innerException) : base(message, innerException) { }

    public StaleLeaseException(string message, int partition, long epoch) : base(message)
    {
        Partition = partition;
        Epoch = epoch;
    }

    /// <summary>The partition whose lease the writer held.</summary>
    public int Partition { get; }

    /// <summary>The epoch the writer held it at.</summary>
    public long Epoch { get; }
}
