namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// Folds the changes drained from the queue into one <see cref="ProjectionBatch"/>: each order and each alert once, at
/// its highest version (the store would ignore the lower ones anyway), and every order of the batch marked.
/// </summary>
internal static class ProjectionBatchBuilder
{
    public static ProjectionBatch Build(IReadOnlyList<ProjectionItem> items, IReadOnlyCollection<string> unmarks)
    {
        var orders = new Dictionary<string, OrderRow>(StringComparer.Ordinal);
        var alerts = new Dictionary<string, AlertRow>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var order = item.Change.Order;
            if (!orders.TryGetValue(order.OrderId, out var held) || held.Version < order.Version)
            {
                orders[order.OrderId] = OrderRow.From(order);
            }

            foreach (var alert in item.Change.Alerts)
            {
                if (!alerts.TryGetValue(alert.AlertId, out var heldAlert) || heldAlert.Version < alert.Version)
                {
                    alerts[alert.AlertId] = AlertRow.From(alert);
                }
            }
        }

        return new ProjectionBatch([.. orders.Values], [.. alerts.Values], [.. orders.Keys], unmarks);
    }
}
