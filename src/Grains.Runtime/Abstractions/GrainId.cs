using Grains.Runtime.Placement;

namespace Grains;

/// <summary>
/// The identity of a grain: its type and its string key. The partition of a grain depends on the key alone,
/// so a grain and the stream events keyed the same way always land on the same partition.
/// </summary>
public sealed class GrainId : IEquatable<GrainId>
{
    private readonly int _hashCode;

    private GrainId(GrainType type, string key)
    {
        Type = type;
        Key = key;
        KeyHash = PartitionHash.Compute(key);
        _hashCode = HashCode.Combine(type, KeyHash);
    }

    public GrainType Type { get; }

    public string Key { get; }

    /// <summary>The stable 32-bit hash of <see cref="Key"/> that placement and stream partitioning share.</summary>
    public uint KeyHash { get; }

    public static GrainId Create(GrainType type, string key)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(key);
        return new GrainId(type, key);
    }

    public static GrainId Create(string type, string key) => Create(GrainType.Create(type), key);

    /// <summary>The partition of this grain among <paramref name="partitionCount"/> partitions.</summary>
    public int GetPartition(int partitionCount) => (int)(KeyHash % (uint)partitionCount);

    public bool Equals(GrainId? other) =>
        other is not null && ReferenceEquals(Type, other.Type) && KeyHash == other.KeyHash && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as GrainId);

    public override int GetHashCode() => _hashCode;

    public override string ToString() => $"{Type.Name}/{Key}";

    public static bool operator ==(GrainId? left, GrainId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(GrainId? left, GrainId? right) => !(left == right);
}
