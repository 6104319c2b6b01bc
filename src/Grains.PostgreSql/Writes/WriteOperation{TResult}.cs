using Npgsql;

namespace Grains.PostgreSql;

/// <summary>A write statement whose caller awaits a <typeparamref name="TResult"/> made from the statement's outcome.</summary>
internal abstract class WriteOperation<TResult> : WriteOperation
{
    private readonly Operation _operation = new();
    private TResult? _result;

    public Task<TResult> Task => _operation.Task;

    /// <summary>Turns the statement's outcome (the returned bigint, or null for no row) into the caller's result.</summary>
    protected abstract TResult Interpret(long? returned);

    public sealed override void Record(long? returned) => _result = Interpret(returned);

    public sealed override void Complete() => _operation.Succeed(_result!);

    public sealed override void Fail(Exception exception) => _operation.Fail(exception);

    public sealed override bool TryClaim() => _operation.TryClaim();

    internal void WatchCancellation(CancellationToken cancellationToken) => _operation.WatchCancellation(cancellationToken);

    /// <summary>Positional parameter <c>$n</c> of a statement, typed so the value is not boxed.</summary>
    protected static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private sealed class Operation : QueuedOperation<TResult>;
}
