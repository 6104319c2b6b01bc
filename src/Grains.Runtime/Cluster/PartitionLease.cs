namespace Grains.Runtime.Cluster;

/// <summary>
/// The lease row of one partition. <see cref="Epoch"/> grows by one with every claim and never goes back, so it is a
/// fencing token: a write made under an older epoch is refused once another silo has claimed the partition.
/// </summary>
/// <param name="Partition">The partition, 0 to the partition count − 1.</param>
/// <param name="Owner">The silo id holding the lease; null when the partition was never claimed or was released.</param>
/// <param name="ExpiresAt">The lease ends at this time unless renewed; for a free row, when it was released.</param>
/// <param name="Epoch">The number of claims so far; 0 for a partition never claimed.</param>
public sealed record PartitionLease(int Partition, string? Owner, DateTimeOffset ExpiresAt, long Epoch)
{
    /// <summary>True when a silo may claim the partition at <paramref name="now"/>: no owner, or the owner's lease has run out.</summary>
    public bool IsClaimable(DateTimeOffset now) => Owner is null || ExpiresAt <= now;

    /// <summary>True when <paramref name="siloId"/> holds the lease and it has not run out at <paramref name="now"/>.</summary>
    public bool IsHeldBy(string siloId, DateTimeOffset now) => string.Equals(Owner, siloId, StringComparison.Ordinal) && ExpiresAt > now;
}
