using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

/// <summary>A grain class with its own collection age.</summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain(Signals signals) : Grain, ILifecycleGrain
{
    public Task<string> Ping() => Task.FromResult(GetPrimaryKeyString());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        signals.Record($"deactivated:{GetPrimaryKeyString()}", reason.Code);
        return Task.CompletedTask;
    }
}
