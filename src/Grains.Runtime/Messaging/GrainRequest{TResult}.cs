using System.ComponentModel;
using System.Threading.Tasks.Sources;
using Grains.Runtime.Catalog;

namespace Grains.Runtime;

/// <summary>A grain request whose method produces <typeparamref name="TResult"/>; the caller awaits the request itself.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest<TResult> : GrainRequest, IValueTaskSource<TResult>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<TResult> _core;
    private int _completed;

    internal override bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Calls the grain method with the request's arguments. Generated per method.</summary>
    protected abstract ValueTask<TResult> InvokeCoreAsync(object grain);

    internal ValueTask<TResult> AsValueTask() => new(this, _core.Version);

    internal override void Execute(ActivationData activation)
    {
        var previous = RequestContext.Current;
        RequestContext.Current = this;
        ValueTask<TResult> pending;
        try
        {
            pending = InvokeCoreAsync(activation.GrainInstance);
        }
        catch (Exception error)
        {
            RequestContext.Current = previous;
            Finish(activation, default!, error);
            return;
        }

        RequestContext.Current = previous;
        if (!pending.IsCompleted)
        {
            _ = AwaitInvocationAsync(this, pending, activation);
            return;
        }

        TResult result;
        try
        {
            result = pending.Result;
        }
        catch (Exception error)
        {
            Finish(activation, default!, error);
            return;
        }

        Finish(activation, result, null);
    }

    // The slow path: only taken when the grain method really awaited something.
    private static async Task AwaitInvocationAsync(GrainRequest<TResult> request, ValueTask<TResult> pending, ActivationData activation)
    {
        TResult result = default!;
        Exception? error = null;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception caught)
        {
            error = caught;
        }

        request.Finish(activation, result, error);
    }

    private void Finish(ActivationData activation, TResult result, Exception? error)
    {
        // Bookkeeping first, so the activation can start its next request before the caller's continuation runs.
        activation.OnRequestFinished(this, error);
        Complete(result, error);
    }

    internal void Complete(TResult result, Exception? error)
    {
        if (ResponseSink is { } sink)
        {
            sink.OnCompleted(this, result, error);
            return;
        }

        if (error is null)
        {
            TrySetResult(result);
        }
        else
        {
            TrySetException(error);
        }
    }

    internal override void Fail(Exception error) => Complete(default!, error);

    internal override void CompleteFromResponse(MessageSerializer serializer, ReadOnlySpan<byte> response)
    {
        var (result, error) = serializer.ReadResponse<TResult>(response);
        if (error is null)
        {
            TrySetResult(result);
        }
        else
        {
            TrySetException(error);
        }
    }

    internal bool TrySetResult(TResult result)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        CompletionObserver?.OnCallCompleted(this);
        var context = LeaveGrainContext();
        try
        {
            _core.SetResult(result);
        }
        finally
        {
            ReturnToGrainContext(context);
        }

        return true;
    }

    internal bool TrySetException(Exception error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        CompletionObserver?.OnCallCompleted(this);
        var context = LeaveGrainContext();
        try
        {
            _core.SetException(error);
        }
        finally
        {
            ReturnToGrainContext(context);
        }

        return true;
    }

    // A caller that is not a grain has its continuation run inline; it must not see this activation's
    // synchronization context, or its own awaits would be serialized into the grain.
    private static SynchronizationContext? LeaveGrainContext()
    {
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return context;
    }

    private static void ReturnToGrainContext(SynchronizationContext? context)
    {
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
