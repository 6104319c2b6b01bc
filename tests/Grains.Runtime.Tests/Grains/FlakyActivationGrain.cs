using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

/// <summary>Its first activation of each key fails in OnActivateAsync; later ones succeed.</summary>
public sealed class FlakyActivationGrain(Signals signals) : Grain, IFlakyActivationGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = $"activation-attempt:{GetPrimaryKeyString()}";
        signals.Record(key);
        await Task.Yield();
        if (signals.Count(key) == 1)
        {
            throw new InvalidOperationException("first activation fails");
        }
    }

    public Task<int> Attempt() => Task.FromResult(signals.Count($"activation-attempt:{GetPrimaryKeyString()}"));
}
