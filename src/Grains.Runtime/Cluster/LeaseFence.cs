namespace Grains.Runtime.Cluster;

/// <summary>
/// The lease a write is made under. Storage that checks fences applies the write only while the partition's lease row
/// still names <see cref="Owner"/> at <see cref="Epoch"/>, checked in the same transaction as the write, so a silo
/// whose lease passed to another can never overwrite the new owner's work. <see cref="None"/> (epoch 0) is a write
/// without a cluster: nothing to check.
/// </summary>
public readonly record struct LeaseFence(int Partition, long Epoch, string? Owner)
{
    public static LeaseFence None => default;

    public bool IsNone => Epoch == 0;

    public override string ToString() => IsNone ? "no lease" : $"partition {Partition} epoch {Epoch} of silo {Owner}";
}
