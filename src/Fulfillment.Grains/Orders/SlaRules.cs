using Fulfillment.Contracts;
using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Configuration;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// What an order's SLA is at a given instant: its status, the alerts due, and the next deadline the order's reminder
/// must wake it for. Pure: the order's event times, the thresholds and the clock's now go in.
/// </summary>
internal static class SlaRules
{
    /// <summary>
    /// Delivered: breached if after the promise, else on track. Cancelled: breached if the cancellation came after the
    /// promise, else on track (nothing is at risk any more). Otherwise by the clock: breached from the promise, at risk
    /// from <see cref="SlaOptions.AtRiskBefore"/> before it.
    /// </summary>
    public static string StatusAt(OrderState order, SlaOptions options, DateTimeOffset now)
    {
        if (order.PromisedDeliveryAt is not { } promised)
        {
            return SlaStatuses.OnTrack;
        }

        var completedAt = order.CurrentStage == Stage.Delivered ? order.MilestoneOf(Stage.Delivered)
            : order.CurrentStage == Stage.Cancelled ? order.CancelledAt
            : null;
        if (completedAt is { } at)
        {
            return at > promised ? SlaStatuses.Breached : SlaStatuses.OnTrack;
        }

        return now >= promised ? SlaStatuses.Breached
            : now >= promised - options.AtRiskBefore ? SlaStatuses.AtRisk
            : SlaStatuses.OnTrack;
    }

    /// <summary>The alerts that should be open at <paramref name="now"/>.</summary>
    public static List<SlaDeadline> DueAt(OrderState order, SlaOptions options, DateTimeOffset now) =>
        [.. Deadlines(order, options).Where(d => d.IsDueAt(now))];

    /// <summary>The earliest deadline after <paramref name="now"/>, or null when nothing can fall due any more.</summary>
    public static DateTimeOffset? NextAfter(OrderState order, SlaOptions options, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var deadline in Deadlines(order, options))
        {
            if (deadline.DueAt > now && (next is null || deadline.DueAt < next))
            {
                next = deadline.DueAt;
            }
        }

        return next;
    }

    /// <summary>
    /// Every deadline of an open order: a stall while it sits at picked or labeled (from that stage's event time), at
    /// risk until the promise, breached from it. A completed order has none, so its open alerts resolve.
    /// </summary>
    private static IEnumerable<SlaDeadline> Deadlines(OrderState order, SlaOptions options)
    {
        if (!order.IsCreated || order.IsFinal)
        {
            yield break;
        }

        var stage = order.CurrentStage;
        if (stage == Stage.Picked && order.MilestoneOf(Stage.Picked) is { } picked)
        {
            yield return new SlaDeadline(AlertKinds.PickToPackStall, picked + options.PickToPackStall, DateTimeOffset.MaxValue);
        }

        if (stage == Stage.Labeled && order.MilestoneOf(Stage.Labeled) is { } labeled)
        {
            yield return new SlaDeadline(AlertKinds.LabelToScanStall, labeled + options.LabelToScanStall, DateTimeOffset.MaxValue);
        }

        if (order.PromisedDeliveryAt is { } promised)
        {
            yield return new SlaDeadline(AlertKinds.SlaAtRisk, promised - options.AtRiskBefore, promised);
            yield return new SlaDeadline(AlertKinds.SlaBreached, promised, DateTimeOffset.MaxValue);
        }
    }
}
