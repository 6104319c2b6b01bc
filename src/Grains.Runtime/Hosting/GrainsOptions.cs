namespace Grains.Hosting;

/// <summary>Options of the grain runtime in a silo. Defaults suit production; tests shorten the times.</summary>
public sealed class GrainsOptions
{
    /// <summary>Partitions grains and stream events are placed on; fixed for the life of a deployment. Default 32.</summary>
    public int Partitions { get; set; } = 32;

    /// <summary>Deadline of a call unless the method or the reference sets one. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often calls that have not completed are checked against their deadline. Default 1 s.</summary>
    public TimeSpan ResponseTimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an activation may stay idle before it is collected. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per grain type (its <see cref="GrainType"/> name) collection ages, overriding <see cref="CollectionAge"/> and the class attribute.</summary>
    public Dictionary<string, TimeSpan> CollectionAgeByGrainType { get; } = new(StringComparer.Ordinal);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests an activation may hold waiting before new calls are refused with <see cref="GrainOverloadedException"/>. Default 10,000.</summary>
    public int MaxPendingRequestsPerActivation { get; set; } = 10_000;

    /// <summary>Longest time <see cref="Grain.OnActivateAsync"/> with state loading may take. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time <see cref="Grain.OnDeactivateAsync"/> may take. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Serialize every in-silo call and its response, as if it crossed the wire. Proves nothing relies on shared
    /// references; costs throughput. Default false.
    /// </summary>
    public bool SerializeInSiloCalls { get; set; }
}
