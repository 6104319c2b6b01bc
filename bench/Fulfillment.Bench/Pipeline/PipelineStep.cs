using Fulfillment.Contracts;

namespace Fulfillment.Bench.Pipeline;

/// <summary>One event of an order's life as the bench posts it: its CloudEvent type, the stage it reports, and the lowest stage the order shows once it is applied.</summary>
internal sealed record PipelineStep(string Type, Stage? ReportedStage, Stage VisibleStage)
{
    /// <summary>created, payment confirmed, then every reportable stage up to delivery: nine events per order.</summary>
    public static IReadOnlyList<PipelineStep> Lifecycle { get; } =
    [
        new(FulfillmentEventTypes.OrderCreated, null, Stage.Created),
        new(FulfillmentEventTypes.OrderPaymentConfirmed, null, Stage.PaymentConfirmed),
        new(FulfillmentEventTypes.OrderStage, Stage.Picked, Stage.Picked),
        new(FulfillmentEventTypes.OrderStage, Stage.Packed, Stage.Packed),
        new(FulfillmentEventTypes.OrderStage, Stage.Labeled, Stage.Labeled),
        new(FulfillmentEventTypes.OrderStage, Stage.CarrierScanned, Stage.CarrierScanned),
        new(FulfillmentEventTypes.OrderStage, Stage.InTransit, Stage.InTransit),
        new(FulfillmentEventTypes.OrderStage, Stage.OutForDelivery, Stage.OutForDelivery),
        new(FulfillmentEventTypes.OrderStage, Stage.Delivered, Stage.Delivered),
    ];

    /// <summary>The step after which a stalled order gets no further event (so its pick-to-pack alarm must fire).</summary>
    public const int StallAfter = 2;
}
