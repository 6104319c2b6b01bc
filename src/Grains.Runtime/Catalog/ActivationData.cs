using Grains.Runtime.Cluster;
using Grains.Runtime.Metadata;
using Grains.Storage;

namespace Grains.Runtime.Catalog;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its turn. The activation is its own
/// <see cref="SynchronizationContext"/> and its own thread-pool work item, so grain code resumes after an await inside
/// the activation's turn, one piece of work at a time, with no extra allocation per turn.
///
/// Split by aspect: scheduling and the message loop in <c>ActivationData.Scheduling.cs</c>, admission rules in
/// <c>ActivationData.Admission.cs</c>, activation and deactivation in <c>ActivationData.Lifecycle.cs</c>, timers in
/// <c>ActivationData.Timers.cs</c>, logging in <c>ActivationData.Log.cs</c>.
/// </summary>
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem, IGrainActivationContext
{
    [ThreadStatic]
    private static ActivationData? s_constructing;

    private readonly Lock _lock = new();
    private Grain? _grain;
    private ActivationState _state = ActivationState.Created;
    private List<IActivationStateLoader>? _statesToLoad;
    private LeaseFence _fence;

    public ActivationData(GrainId grainId, GrainClassInfo grainClass, GrainRuntime runtime)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        Runtime = runtime;
        Partition = grainId.GetPartition(runtime.Ownership.PartitionCount);
        _lastActivityTimestamp = runtime.Time.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread; read by the <see cref="Grain"/> constructor.</summary>
    internal static ActivationData? Constructing => s_constructing;

    public GrainId GrainId { get; }

    public GrainClassInfo GrainClass { get; }

    public GrainRuntime Runtime { get; }

    public int Partition { get; }

    /// <summary>
    /// The lease this activation was activated under (taken as it activates); its state writes carry it, so they fail
    /// once another silo has claimed the partition.
    /// </summary>
    public LeaseFence Fence
    {
        get
        {
            lock (_lock)
            {
                return _fence;
            }
        }
    }

    public Grain GrainInstance => _grain ?? throw new InvalidOperationException($"Activation {GrainId} has no grain instance.");

    internal ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new()
    {
        var providerName = storageName ?? GrainStorageNames.Default;
        var storage = Runtime.GetStorage(providerName)
            ?? throw new InvalidOperationException(
                $"No grain storage named '{providerName}' is registered; grain {GrainId} needs it for state '{stateName}'. " +
                "Register one with AddMemoryGrainStorage or AddSqliteGrainStorage.");
        var state = new PersistentState<TState>(this, stateName, providerName, storage);
        (_statesToLoad ??= []).Add(state);
        return state;
    }

    public override SynchronizationContext CreateCopy() => this;

    public override string ToString() => $"Activation({GrainId}, {_state})";
}
