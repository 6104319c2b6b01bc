using System.Collections.Concurrent;
using Grains.Runtime.Metadata;

namespace Grains.Runtime.Catalog;

/// <summary>
/// The activations of this silo, one per grain id. Lookup is lock-free; creating an activation is a
/// <see cref="ConcurrentDictionary{TKey,TValue}.GetOrAdd(TKey, Func{TKey, TValue})"/> of an object with no side effects
/// until it runs, so a storm of first calls still yields exactly one activation.
/// </summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainType, long> _collectionAgeTicks = new();

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    /// <summary>Delivers a request to the grain's activation, creating it if needed. Refusals fail the request.</summary>
    public void Dispatch(GrainRequest request)
    {
        var spin = default(SpinWait);
        while (true)
        {
            ActivationData activation;
            try
            {
                activation = GetOrCreate(request.Target);
            }
            catch (Exception error)
            {
                request.Fail(error);
                return;
            }

            if (activation.Enqueue(request) != EnqueueResult.Rejected)
            {
                return;
            }

            // The activation just finished deactivating and is leaving the directory; look again.
            spin.SpinOnce();
        }
    }

    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        return Create(grainId);

        ActivationData Create(GrainId grainId)
        {
            var grainClass = runtime.Registry.GetClass(grainId.Type);
            return _activations.GetOrAdd(grainId, static (id, state) => new ActivationData(id, state.grainClass, state.runtime), (grainClass, runtime));
        }
    }

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    public void OnActivationFailed(ActivationData activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    /// <summary>
    /// Removes a deactivated activation. Requests still waiting in its mailbox go to a successor that takes its place
    /// atomically, ahead of any call that arrives later, so per-caller order holds across the handover.
    /// </summary>
    public void OnDeactivated(ActivationData activation, List<GrainRequest> leftovers)
    {
        if (leftovers.Count == 0)
        {
            _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
            return;
        }

        if (!runtime.Ownership.IsOwnedLocally(activation.Partition))
        {
            // The partition moved: the waiting requests take the call path again, which sends them to its owner.
            _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
            foreach (var request in leftovers)
            {
                runtime.Route(request);
            }

            return;
        }

        var successor = new ActivationData(activation.GrainId, activation.GrainClass, runtime);
        successor.EnqueueInherited(leftovers);
        if (_activations.TryUpdate(activation.GrainId, successor, activation))
        {
            successor.EnsureScheduled();
            return;
        }

        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
        foreach (var request in leftovers)
        {
            Dispatch(request);
        }
    }

    /// <summary>Starts deactivating activations idle longer than their collection age; returns how many.</summary>
    public int CollectIdle()
    {
        var now = runtime.Time.GetTimestamp();
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryCollectIfIdle(now, CollectionAgeTicks(activation.GrainClass)))
            {
                collected++;
            }
        }

        return collected;
    }

    /// <summary>
    /// Deactivates every activation, draining each mailbox first. Activations created meanwhile (by calls made from
    /// draining requests or from OnDeactivateAsync) are deactivated in further rounds.
    /// </summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        while (!_activations.IsEmpty)
        {
            var round = _activations.Values.ToList();
            foreach (var activation in round)
            {
                activation.StartDeactivation(reason);
            }

            await Task.WhenAll(round.Select(a => a.Deactivated)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deactivates the activations of <paramref name="partitions"/> that were activated under a lease this silo no
    /// longer serves them with (all of them, once a partition is lost), persisting what their grains write on the way
    /// out. Activations created meanwhile under a newer lease stay; those not yet activated check the lease themselves.
    /// </summary>
    public async Task DeactivateStaleAsync(IReadOnlyCollection<int> partitions, DeactivationReason reason, CancellationToken cancellationToken)
    {
        var set = partitions as ISet<int> ?? partitions.ToHashSet();
        while (true)
        {
            var round = _activations.Values.Where(a => set.Contains(a.Partition) && IsStale(a)).ToList();
            if (round.Count == 0)
            {
                return;
            }

            foreach (var activation in round)
            {
                activation.StartDeactivation(reason);
            }

            await Task.WhenAll(round.Select(a => a.Deactivated)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        bool IsStale(ActivationData activation) =>
            activation.State is not (ActivationState.Created or ActivationState.Invalid)
            && (!runtime.Ownership.TryGetFence(activation.Partition, out var current) || current != activation.Fence);
    }

    /// <summary>Drops every activation without deactivating it (the silo is killed).</summary>
    public void AbandonAll()
    {
        foreach (var activation in _activations.Values)
        {
            activation.Abandon();
        }

        _activations.Clear();
    }

    public IReadOnlyDictionary<string, int> CountByGrainType() =>
        _activations.Keys.GroupBy(id => id.Type.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private long CollectionAgeTicks(GrainClassInfo grainClass)
    {
        if (_collectionAgeTicks.TryGetValue(grainClass.GrainType, out var ticks))
        {
            return ticks;
        }

        var options = runtime.Options;
        var age = options.CollectionAgeByGrainType.TryGetValue(grainClass.GrainType.Name, out var configured)
            ? configured
            : grainClass.CollectionAge ?? options.CollectionAge;
        ticks = (long)(age.TotalSeconds * runtime.Time.TimestampFrequency);
        _collectionAgeTicks[grainClass.GrainType] = ticks;
        return ticks;
    }
}
