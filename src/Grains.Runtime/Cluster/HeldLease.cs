namespace Grains.Runtime.Cluster;

/// <summary>A lease this silo holds in the store, as the lease manager tracks it.</summary>
internal sealed class HeldLease(long epoch, DateTimeOffset expiresAt)
{
    public long Epoch { get; } = epoch;

    /// <summary>When the lease ends in the store unless renewed.</summary>
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    /// <summary>Being handed off: still renewed until released, no longer counted in this silo's share.</summary>
    public bool HandingOff { get; set; }
}
