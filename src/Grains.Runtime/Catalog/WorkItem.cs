namespace Grains.Runtime.Catalog;

/// <summary>One unit of work an activation runs on its turn: a lifecycle step, an admitted request, or a continuation of grain code.</summary>
internal readonly struct WorkItem
{
    private WorkItem(WorkKind kind, GrainRequest? request, SendOrPostCallback? callback, object? state)
    {
        Kind = kind;
        Request = request;
        Callback = callback;
        State = state;
    }

    public WorkKind Kind { get; }

    public GrainRequest? Request { get; }

    public SendOrPostCallback? Callback { get; }

    public object? State { get; }

    public static WorkItem Activate => new(WorkKind.Activate, null, null, null);

    public static WorkItem Deactivate => new(WorkKind.Deactivate, null, null, null);

    public static WorkItem ForRequest(GrainRequest request, bool waited) =>
        new(waited ? WorkKind.WaitedRequest : WorkKind.Request, request, null, null);

    public static WorkItem ForContinuation(SendOrPostCallback callback, object? state) => new(WorkKind.Continuation, null, callback, state);
}
