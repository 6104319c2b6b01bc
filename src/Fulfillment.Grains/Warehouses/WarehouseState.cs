using System.Text.Json.Serialization;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Reports;
using Grains.Streams;

namespace Fulfillment.Grains.Warehouses;

/// <summary>
/// A warehouse's open orders (each one's last report), its pick-to-pack samples, and the closed orders it remembers.
/// A report replaces the order's previous contribution, so the backlog and stuck list stay exact however often an order
/// reports. Backlog counts and the stuck list are derived from the open orders, kept in memory and never stored.
/// <para>
/// Pick-to-pack percentiles are exact over a bounded window: the durations of the most recent
/// <see cref="MaxSamples"/> orders that reported one (an order's later correction replaces its sample in place).
/// </para>
/// </summary>
internal sealed class WarehouseState : IReportedFigures<WarehouseOrderReport>
{
    public const int MaxSamples = 1024;

    /// <summary>How many closed orders are remembered: far more than can be resent at once after a crash.</summary>
    public const int ClosedOrdersRemembered = 4096;

    private Dictionary<string, int>? _backlog;
    private Dictionary<string, StuckOrder>? _stuck;

    public Dictionary<string, WarehouseOrderFacts> Open { get; set; } = new(StringComparer.Ordinal);

    public ProcessedEventWindow Closed { get; set; } = new() { Capacity = ClosedOrdersRemembered };

    /// <summary>Oldest first.</summary>
    public List<PickToPackSample> Samples { get; set; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonIgnore]
    private Dictionary<string, int> Backlog => _backlog ??= Open.Values
        .GroupBy(o => o.Stage, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [JsonIgnore]
    private Dictionary<string, StuckOrder> Stuck => _stuck ??= Open
        .Where(p => p.Value.OpenStall is not null)
        .ToDictionary(p => p.Key, p => StuckOf(p.Key, p.Value), StringComparer.Ordinal);

    /// <summary>Replaces the order's contribution with the report's; false for a repeat or an order already closed here.</summary>
    public bool Apply(WarehouseOrderReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Closed.Contains(report.OrderId))
        {
            return false;
        }

        var orderId = report.OrderId;
        if (Open.TryGetValue(orderId, out var previous))
        {
            if (report.Version <= previous.Version)
            {
                return false;
            }

            Leave(orderId, previous);
        }

        if (report.Stage is null)
        {
            // The order moved to another warehouse: its sample goes with it.
            var removed = Samples.RemoveAll(s => s.OrderId == orderId) > 0;
            if (previous is null && !removed)
            {
                return false;
            }
        }
        else
        {
            if (report.PickToPackMinutes is { } minutes && minutes != previous?.PickToPackMinutes)
            {
                Sample(orderId, minutes);
            }

            if (report.Closed)
            {
                Closed.TryMark(orderId);
            }
            else
            {
                Enter(orderId, new WarehouseOrderFacts
                {
                    Version = report.Version,
                    Stage = report.Stage,
                    PickToPackMinutes = report.PickToPackMinutes,
                    OpenStall = report.OpenStall,
                    StalledSince = report.StalledSince,
                });
            }
        }

        UpdatedAt = now;
        return true;
    }

    public WarehousePerformance ToPerformance(string warehouseId)
    {
        var sorted = Samples.Select(s => s.Minutes).Order().ToList();
        return new WarehousePerformance(
            warehouseId,
            [.. Stage.All.Where(s => Backlog.GetValueOrDefault(s.Name) > 0).Select(s => new StageCount(s.Name, Backlog[s.Name]))],
            Percentile.NearestRank(sorted, 50),
            Percentile.NearestRank(sorted, 90),
            sorted.Count,
            [.. Stuck.Values.OrderBy(s => s.Since).ThenBy(s => s.OrderId, StringComparer.Ordinal)],
            UpdatedAt);
    }

    // The derived indexes are updated before the open orders: built lazily, they must not see the change twice.
    private void Enter(string orderId, WarehouseOrderFacts facts)
    {
        Backlog[facts.Stage] = Backlog.GetValueOrDefault(facts.Stage) + 1;
        if (facts.OpenStall is not null)
        {
            Stuck[orderId] = StuckOf(orderId, facts);
        }

        Open[orderId] = facts;
    }

    private void Leave(string orderId, WarehouseOrderFacts facts)
    {
        Backlog[facts.Stage]--;
        Stuck.Remove(orderId);
        Open.Remove(orderId);
    }

    private void Sample(string orderId, double minutes)
    {
        var existing = Samples.Find(s => s.OrderId == orderId);
        if (existing is not null)
        {
            existing.Minutes = minutes;
            return;
        }

        Samples.Add(new PickToPackSample { OrderId = orderId, Minutes = minutes });
        if (Samples.Count > MaxSamples)
        {
            Samples.RemoveAt(0);
        }
    }

    private static StuckOrder StuckOf(string orderId, WarehouseOrderFacts facts) =>
        new(orderId, facts.OpenStall!, facts.StalledSince ?? default);
}
