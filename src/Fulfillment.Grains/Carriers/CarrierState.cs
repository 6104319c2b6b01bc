using Fulfillment.Contracts.Carriers;
using Fulfillment.Grains.Reports;
using Grains.Streams;

namespace Fulfillment.Grains.Carriers;

/// <summary>
/// A carrier's running totals, and the last report of each of its open orders. A report replaces the order's previous
/// contribution (subtracted, then the new one added), so totals stay exact however often an order reports. A closed
/// order's contribution stays in the totals and its entry is dropped; its id is remembered in a bounded window so a
/// resend after the order's crash is recognised.
/// </summary>
internal sealed class CarrierState : IReportedFigures<CarrierOrderReport>
{
    /// <summary>How many closed orders are remembered: far more than can be resent at once after a crash.</summary>
    public const int ClosedOrdersRemembered = 4096;

    public Dictionary<string, CarrierOrderFacts> Open { get; set; } = new(StringComparer.Ordinal);

    public ProcessedEventWindow Closed { get; set; } = new() { Capacity = ClosedOrdersRemembered };

    public int TotalOrders { get; set; }

    public int Delivered { get; set; }

    public int OnTime { get; set; }

    public int Late { get; set; }

    public double PickToPackSum { get; set; }

    public int PickToPackCount { get; set; }

    public double LabelToScanSum { get; set; }

    public int LabelToScanCount { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Replaces the order's contribution with the report's; false for a repeat or an order already closed here.</summary>
    public bool Apply(CarrierOrderReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Closed.Contains(report.OrderId))
        {
            return false;
        }

        if (Open.TryGetValue(report.OrderId, out var previous))
        {
            if (report.Version <= previous.Version)
            {
                return false;
            }

            Add(previous, -1);
            Open.Remove(report.OrderId);
        }
        else if (!report.Assigned)
        {
            return false;
        }

        if (report.Assigned)
        {
            var facts = new CarrierOrderFacts
            {
                Version = report.Version,
                Delivered = report.Delivered,
                OnTime = report.OnTime,
                PickToPackMinutes = report.PickToPackMinutes,
                LabelToScanMinutes = report.LabelToScanMinutes,
            };
            Add(facts, +1);
            if (report.Closed)
            {
                Closed.TryMark(report.OrderId);
            }
            else
            {
                Open[report.OrderId] = facts;
            }
        }

        UpdatedAt = now;
        return true;
    }

    public CarrierPerformance ToPerformance(string carrier) => new(
        carrier,
        TotalOrders,
        Delivered,
        OnTime,
        Late,
        Delivered > 0 ? Math.Round(100.0 * OnTime / Delivered, 2) : null,
        Average(PickToPackSum, PickToPackCount),
        Average(LabelToScanSum, LabelToScanCount),
        UpdatedAt);

    private void Add(CarrierOrderFacts facts, int sign)
    {
        TotalOrders += sign;
        if (facts.Delivered)
        {
            Delivered += sign;
            if (facts.OnTime == true)
            {
                OnTime += sign;
            }
            else
            {
                Late += sign;
            }
        }

        if (facts.PickToPackMinutes is { } pickToPack)
        {
            PickToPackSum += sign * pickToPack;
            PickToPackCount += sign;
        }

        if (facts.LabelToScanMinutes is { } labelToScan)
        {
            LabelToScanSum += sign * labelToScan;
            LabelToScanCount += sign;
        }
    }

    private static double? Average(double sum, int count) => count > 0 ? Math.Round(sum / count, 2) : null;
}
