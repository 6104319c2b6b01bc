namespace Fulfillment.Contracts.Orders;

/// <summary>The SLA statuses of an order, as the gateway contract spells them.</summary>
public static class SlaStatuses
{
    /// <summary>Delivered by the promise, or not delivered and the promise more than <c>Sla:AtRiskBefore</c> away.</summary>
    public const string OnTrack = "on_track";

    /// <summary>Not delivered, and the promise less than <c>Sla:AtRiskBefore</c> away.</summary>
    public const string AtRisk = "at_risk";

    /// <summary>Not delivered by the promise, or delivered after it.</summary>
    public const string Breached = "breached";

    public static IReadOnlyList<string> All { get; } = [OnTrack, AtRisk, Breached];
}
