using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>
/// Base class of the generated proxies: a typed handle on a grain identity. Holding one costs nothing; calling a
/// method sends a request to wherever the grain is (or will be) active.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(IGrainCallInvoker invoker, GrainId grainId, TimeSpan? responseTimeout)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(grainId);
        Invoker = invoker;
        GrainId = grainId;
        ResponseTimeout = responseTimeout;
    }

    public GrainId GrainId { get; }

    /// <summary>The deadline every call through this reference gets, overriding method and default timeouts.</summary>
    public TimeSpan? ResponseTimeout { get; }

    protected IGrainCallInvoker Invoker { get; }

    /// <summary>The same grain through a reference of the same type with another call deadline. Generated per interface.</summary>
    protected abstract GrainReference WithResponseTimeoutCore(TimeSpan? responseTimeout);

    internal GrainReference WithResponseTimeout(TimeSpan? responseTimeout) => WithResponseTimeoutCore(responseTimeout);

    protected Task<TResult> InvokeTaskAsync<TResult>(GrainRequest<TResult> request)
    {
        var pending = Invoker.InvokeAsync(this, request);
        return pending.IsCompletedSuccessfully ? Task.FromResult(pending.Result) : pending.AsTask();
    }

    protected Task InvokeVoidTaskAsync(GrainRequest<None> request)
    {
        var pending = Invoker.InvokeAsync(this, request);
        if (pending.IsCompletedSuccessfully)
        {
            _ = pending.Result;
            return Task.CompletedTask;
        }

        return pending.AsTask();
    }

    protected ValueTask<TResult> InvokeValueTaskAsync<TResult>(GrainRequest<TResult> request) => Invoker.InvokeAsync(this, request);

    protected ValueTask InvokeVoidValueTaskAsync(GrainRequest<None> request)
    {
        var pending = Invoker.InvokeAsync(this, request);
        if (pending.IsCompletedSuccessfully)
        {
            _ = pending.Result;
            return default;
        }

        return new ValueTask(pending.AsTask());
    }

    public bool Equals(GrainReference? other) => other is not null && GrainId.Equals(other.GrainId);

    public override bool Equals(object? obj) => Equals(obj as GrainReference);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference({GrainId})";
}
