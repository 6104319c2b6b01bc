using System.Collections.Concurrent;

namespace Grains;

/// <summary>
/// The stable name of a grain class, e.g. <c>inventory</c>. Instances are interned, so two grain types are equal
/// exactly when they are the same object; the name is what persisted state and messages carry.
/// </summary>
public sealed class GrainType : IEquatable<GrainType>
{
    private static readonly ConcurrentDictionary<string, GrainType> Interned = new(StringComparer.Ordinal);

    private GrainType(string name) => Name = name;

    public string Name { get; }

    /// <summary>Returns the one <see cref="GrainType"/> instance for <paramref name="name"/>.</summary>
    public static GrainType Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Interned.TryGetValue(name, out var existing) ? existing : Interned.GetOrAdd(name, static n => new GrainType(n));
    }

    public bool Equals(GrainType? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}
