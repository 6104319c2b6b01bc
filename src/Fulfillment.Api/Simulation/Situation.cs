namespace Fulfillment.Api.Simulation;

/// <summary>What a simulated order goes through, besides the normal lifecycle.</summary>
public enum Situation
{
    Normal,

    /// <summary>Packed long after it was picked: a pick-to-pack stall alert, resolved by the late pack.</summary>
    PickToPackStall,

    /// <summary>Scanned long after it was labeled: a label-to-scan stall alert, resolved by the late scan.</summary>
    LabelToScanStall,

    /// <summary>Never packed: stuck in its warehouse for good.</summary>
    Stuck,

    /// <summary>A tight promise and a slow last mile: at risk, breached, delivered late.</summary>
    LateDelivery,

    /// <summary>Cancelled after payment: its stock returns.</summary>
    Cancelled,

    /// <summary>Delivery failed.</summary>
    Failed,
}
