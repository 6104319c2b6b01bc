using System.ComponentModel;
using System.Text.Json;
using Grains.Runtime.Catalog;

namespace Grains.Runtime;

/// <summary>
/// One grain call as a message: target, method, arguments, deadline and the chain of requests it was made from.
/// Every call travels as one of these, in the silo and across silos alike; a generated subclass per grain method holds
/// the arguments. The request object is also what the caller awaits, so an in-silo call allocates nothing else.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest
{
    private static long s_nextId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    internal long Id;
    internal GrainId Target = null!;

    /// <summary>
    /// The caller's deadline as a <see cref="TimeProvider"/> timestamp; computed from <see cref="TimeoutTicks"/> only when
    /// the call does not complete at once, so calls that do never read the clock.
    /// </summary>
    internal long DeadlineTimestamp = long.MaxValue;

    /// <summary>The call's timeout in timestamp ticks, until <see cref="EnsureDeadline"/> turns it into a deadline.</summary>
    internal long TimeoutTicks;

    /// <summary>The request this call was made from, when it was made in this process.</summary>
    internal GrainRequest? Parent;

    /// <summary>The ancestors of a request that arrived serialized (it has no <see cref="Parent"/>).</summary>
    internal CallChainEntry[]? RemoteChain;

    /// <summary>Set on a request that arrived as a message: where its outcome is sent.</summary>
    internal IResponseSink? ResponseSink;

    /// <summary>Flags added to the method's own (reserved for runtime-made requests).</summary>
    internal GrainMethodFlags ExtraFlags;

    /// <summary>Told when the caller's side completes: untracks the deadline and records the call's duration.</summary>
    internal ICallCompletionObserver? CompletionObserver;

    /// <summary>When the call was made; meaningful only when <see cref="MeasureDuration"/> is set.</summary>
    internal long StartTimestamp;

    internal bool MeasureDuration;

    public abstract GrainMethodDescriptor Method { get; }

    internal GrainMethodFlags Flags => Method.Flags | ExtraFlags;

    internal bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    internal bool IsAlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    /// <summary>False for requests that never leave the silo and must not keep an idle activation alive (timer ticks).</summary>
    internal virtual bool CountsAsActivity => true;

    internal abstract bool IsCompleted { get; }

    internal void AssignId() => Id = Interlocked.Increment(ref s_nextId);

    /// <summary>Fixes the deadline from now, if it is not fixed yet. A call waiting or in flight needs one.</summary>
    internal void EnsureDeadline(TimeProvider time)
    {
        if (TimeoutTicks != 0 && DeadlineTimestamp == long.MaxValue)
        {
            DeadlineTimestamp = time.GetTimestamp() + TimeoutTicks;
        }
    }

    /// <summary>Writes the arguments as a JSON array. Generated per method.</summary>
    protected abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    internal void WriteArgumentsTo(Utf8JsonWriter writer, JsonSerializerOptions options) => WriteArguments(writer, options);

    /// <summary>Runs the method on the activation's grain; completes the request and tells the activation when done.</summary>
    internal abstract void Execute(ActivationData activation);

    /// <summary>Completes the request with an error without running it (refused, timed out, activation failed).</summary>
    internal abstract void Fail(Exception error);

    /// <summary>Completes a loopback caller from a serialized response.</summary>
    internal abstract void CompleteFromResponse(MessageSerializer serializer, ReadOnlySpan<byte> response);

    /// <summary>
    /// True when a request of this request's target activation is running that this request was (transitively) made from:
    /// waiting for it would wait forever.
    /// </summary>
    internal bool IsDescendantOfAny(Func<long, bool> isRunningRequest)
    {
        GrainRequest? last = null;
        for (var ancestor = Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (isRunningRequest(ancestor.Id))
            {
                return true;
            }

            last = ancestor;
        }

        var remote = (last ?? this).RemoteChain;
        if (remote is not null)
        {
            foreach (var entry in remote)
            {
                if (isRunningRequest(entry.RequestId))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The chain of requests this call was made from, nearest first, as it is written to a message.</summary>
    internal CallChainEntry[] GetCallChain()
    {
        var chain = new List<CallChainEntry>();
        GrainRequest? last = null;
        for (var ancestor = Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            chain.Add(new CallChainEntry(ancestor.Target, ancestor.Id));
            last = ancestor;
        }

        if ((last ?? this).RemoteChain is { } remote)
        {
            chain.AddRange(remote);
        }

        return [.. chain];
    }

    /// <summary>Describes the chain for error messages: "counter/a -> counter/b".</summary>
    internal string DescribeChain()
    {
        var names = GetCallChain().Select(e => e.GrainId.ToString()).Reverse().Append(Target.ToString());
        return string.Join(" -> ", names);
    }

    /// <summary>Adapts a grain method returning <see cref="Task"/> for generated code.</summary>
    protected static ValueTask<None> FromTask(Task task)
    {
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<None> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    /// <summary>Adapts a grain method returning <see cref="ValueTask"/> for generated code.</summary>
    protected static ValueTask<None> FromValueTask(ValueTask task)
    {
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<None> Await(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    public override string ToString() => $"{Method} on {Target} (#{Id})";
}
