namespace Fulfillment.Contracts.Orders;

/// <summary>The statuses of an <see cref="OrderAlert"/>, as the gateway contract spells them.</summary>
public static class AlertStatuses
{
    public const string Open = "open";

    public const string Resolved = "resolved";
}
