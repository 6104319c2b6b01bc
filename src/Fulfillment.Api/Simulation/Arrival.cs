namespace Fulfillment.Api.Simulation;

/// <summary>How a simulated event reaches the service, compared with when it happened.</summary>
public enum Arrival
{
    /// <summary>Sent when it happened.</summary>
    OnTime,

    /// <summary>Sent again, same id, a little later: the service must count it as a duplicate.</summary>
    Duplicate,

    /// <summary>Sent after a later stage of the same order (a pick reported after the pack).</summary>
    OutOfOrder,

    /// <summary>Sent long after it happened, after later stages (a transit scan uploaded late).</summary>
    Late,
}
