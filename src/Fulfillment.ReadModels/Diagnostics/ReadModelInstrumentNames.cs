namespace Fulfillment.ReadModels.Diagnostics;

/// <summary>The read-model meter and its instrument names, in one place so dashboards and tests agree on them.</summary>
public static class ReadModelInstrumentNames
{
    public const string Meter = "Fulfillment.ReadModels";

    /// <summary>Counter of order changes written to the read model (after folding a batch: one per order and batch).</summary>
    public const string OrdersProjected = "fulfillment.read_models.orders_projected";

    /// <summary>Histogram of seconds from a change's hand-off by its order to the commit that wrote it.</summary>
    public const string ProjectionLag = "fulfillment.read_models.projection_lag";

    /// <summary>Counter of failed write transactions (each is retried).</summary>
    public const string WriteFailures = "fulfillment.read_models.write_failures";

    /// <summary>Gauge of changes waiting in the projection queue.</summary>
    public const string QueueDepth = "fulfillment.read_models.queue_depth";

    /// <summary>Gauge of orders marked as possibly not fully projected.</summary>
    public const string MarkedOrders = "fulfillment.read_models.marked_orders";
}
