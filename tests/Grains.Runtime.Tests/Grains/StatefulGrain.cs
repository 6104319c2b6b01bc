namespace Grains.Runtime.Tests.Grains;

public sealed class StatefulGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IStatefulGrain
{
    private int _valueSeenOnActivate;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _valueSeenOnActivate = counter.State.Value;
        return Task.CompletedTask;
    }

    public async Task<int> Increment(string note)
    {
        counter.State.Value++;
        counter.State.History.Add(note);
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Value() => Task.FromResult(counter.State.Value);

    public Task<IReadOnlyList<string>> History() => Task.FromResult<IReadOnlyList<string>>([.. counter.State.History]);

    public Task<string?> Etag() => Task.FromResult(counter.Etag);

    public Task<bool> RecordExists() => Task.FromResult(counter.RecordExists);

    public Task<int> ValueSeenOnActivate() => Task.FromResult(_valueSeenOnActivate);

    public Task Clear() => counter.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
