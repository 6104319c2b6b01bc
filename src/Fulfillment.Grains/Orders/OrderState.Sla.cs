using System.Text.Json.Serialization;
using Fulfillment.Contracts;

namespace Fulfillment.Grains.Orders;

internal sealed partial class OrderState
{
    /// <summary>Packed minus picked, in minutes of event time (two decimals, never negative); null until both are known.</summary>
    [JsonIgnore]
    public double? PickToPackMinutes => MinutesBetween(Stage.Picked, Stage.Packed);

    /// <summary>Carrier scan minus label, likewise.</summary>
    [JsonIgnore]
    public double? LabelToScanMinutes => MinutesBetween(Stage.Labeled, Stage.CarrierScanned);

    /// <summary>
    /// Opens the alerts that are due and not open, and resolves the open ones that are no longer due. A resolved alert
    /// that falls due again opens again under the same id. Returns the alerts that changed, stamped with
    /// <paramref name="version"/>.
    /// </summary>
    public List<AlertRecord> ReconcileAlerts(IReadOnlyList<SlaDeadline> due, DateTimeOffset now, long version)
    {
        var changed = new List<AlertRecord>();
        foreach (var deadline in due)
        {
            if (Alerts.TryGetValue(deadline.Kind, out var alert) && alert.IsOpen)
            {
                continue;
            }

            alert ??= Alerts[deadline.Kind] = new AlertRecord { Kind = deadline.Kind };
            alert.RaisedAt = now;
            alert.ResolvedAt = null;
            alert.DueAt = deadline.DueAt;
            alert.Version = version;
            changed.Add(alert);
        }

        foreach (var alert in Alerts.Values)
        {
            if (alert.IsOpen && !due.Any(d => d.Kind == alert.Kind))
            {
                alert.ResolvedAt = now;
                alert.Version = version;
                changed.Add(alert);
            }
        }

        return changed;
    }

    private double? MinutesBetween(Stage from, Stage to) =>
        MilestoneOf(from) is { } start && MilestoneOf(to) is { } end
            ? Math.Round(Math.Max(0, (end - start).TotalMinutes), 2)
            : null;
}
