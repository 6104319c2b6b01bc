using System.Diagnostics.CodeAnalysis;

namespace Fulfillment.Contracts;

/// <summary>
/// A stage of an order's lifecycle, by its wire name, with its rank: the position in the lifecycle as the gateway
/// contract lists it (created 0 … cancelled 11). Terminal outcomes rank last, so a stage never has to move to a lower
/// rank; <c>delivered</c> and <c>cancelled</c> are final.
/// </summary>
public sealed record Stage
{
    private Stage(string name, int rank)
    {
        Name = name;
        Rank = rank;
    }

    public string Name { get; }

    public int Rank { get; }

    public static Stage Created { get; } = new("created", 0);

    public static Stage PaymentConfirmed { get; } = new("payment_confirmed", 1);

    public static Stage Allocated { get; } = new("allocated", 2);

    public static Stage Picked { get; } = new("picked", 3);

    public static Stage Packed { get; } = new("packed", 4);

    public static Stage Labeled { get; } = new("labeled", 5);

    public static Stage CarrierScanned { get; } = new("carrier_scanned", 6);

    public static Stage InTransit { get; } = new("in_transit", 7);

    public static Stage OutForDelivery { get; } = new("out_for_delivery", 8);

    public static Stage Delivered { get; } = new("delivered", 9);

    public static Stage Failed { get; } = new("failed", 10);

    public static Stage Cancelled { get; } = new("cancelled", 11);

    /// <summary>All twelve stages, by rank.</summary>
    public static IReadOnlyList<Stage> All { get; } =
    [
        Created, PaymentConfirmed, Allocated, Picked, Packed, Labeled,
        CarrierScanned, InTransit, OutForDelivery, Delivered, Failed, Cancelled,
    ];

    /// <summary>
    /// The stages a <see cref="FulfillmentEventTypes.OrderStage"/> event may report: <c>picked</c> on. The earlier ones
    /// follow from order events and allocation; cancellation has its own event type.
    /// </summary>
    public static IReadOnlyList<Stage> Reportable { get; } =
        [.. All.Where(s => s.IsReportable)];

    /// <summary>True for <c>delivered</c> and <c>cancelled</c>: nothing moves an order out of them.</summary>
    public bool IsFinal => this == Delivered || this == Cancelled;

    public bool IsReportable => Rank >= Picked.Rank && this != Cancelled;

    public static bool TryParse(string? name, [NotNullWhen(true)] out Stage? stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                stage = candidate;
                return true;
            }
        }

        stage = null;
        return false;
    }

    public override string ToString() => Name;
}
