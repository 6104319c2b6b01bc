namespace Fulfillment.Bench.Measurement;

/// <summary>Tells load loops to finish; a volatile read per iteration is all they pay for it.</summary>
internal sealed class StopSignal
{
    private volatile bool _set;

    public bool IsSet => _set;

    public void Set() => _set = true;
}
