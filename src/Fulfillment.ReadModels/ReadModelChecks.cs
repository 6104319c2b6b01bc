namespace Fulfillment.ReadModels;

/// <summary>
/// The input every <see cref="IReadModelStore"/> refuses before it writes or reads anything, so stores on different
/// engines fail alike (with an <see cref="ArgumentException"/> naming the field) and a bad batch leaves nothing applied.
/// </summary>
public static class ReadModelChecks
{
    /// <summary>
    /// Throws for a batch no store accepts: a missing row, id or required column, an order or alert twice (the
    /// projector folds each to its newest version), or an empty order id to mark or unmark.
    /// </summary>
    public static void ThrowIfInvalid(ProjectionBatch batch, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(batch, parameterName);
        ArgumentNullException.ThrowIfNull(batch.Orders, $"{parameterName}.{nameof(batch.Orders)}");
        ArgumentNullException.ThrowIfNull(batch.Alerts, $"{parameterName}.{nameof(batch.Alerts)}");
        var orderIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Orders.Count; i++)
        {
            var order = batch.Orders[i];
            var field = $"{nameof(batch.Orders)}[{i}]";
            Require(order, field, parameterName);
            Require(order.OrderId, $"{field}.{nameof(order.OrderId)}", parameterName);
            Require(order.CustomerId, $"{field}.{nameof(order.CustomerId)}", parameterName);
            Require(order.Stage, $"{field}.{nameof(order.Stage)}", parameterName);
            Require(order.SlaStatus, $"{field}.{nameof(order.SlaStatus)}", parameterName);
            Unique(orderIds, order.OrderId, $"{field}.{nameof(order.OrderId)}", parameterName);
        }

        var alertIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Alerts.Count; i++)
        {
            var alert = batch.Alerts[i];
            var field = $"{nameof(batch.Alerts)}[{i}]";
            Require(alert, field, parameterName);
            Require(alert.AlertId, $"{field}.{nameof(alert.AlertId)}", parameterName);
            Require(alert.OrderId, $"{field}.{nameof(alert.OrderId)}", parameterName);
            Require(alert.Kind, $"{field}.{nameof(alert.Kind)}", parameterName);
            Require(alert.Status, $"{field}.{nameof(alert.Status)}", parameterName);
            Unique(alertIds, alert.AlertId, $"{field}.{nameof(alert.AlertId)}", parameterName);
        }

        RequireEach(batch.Mark, nameof(batch.Mark), parameterName);
        RequireEach(batch.Unmark, nameof(batch.Unmark), parameterName);
    }

    /// <summary>Throws unless a list or feed read asks for at least one row.</summary>
    public static void ThrowIfInvalidLimit(int limit, string parameterName)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, limit, $"{parameterName} is {limit}; it must be at least 1.");
        }
    }

    /// <summary>Throws for a negative feed sequence: sequences start at 1, and 0 means "from the start".</summary>
    public static void ThrowIfInvalidFeedSequence(long feedSequence, string parameterName)
    {
        if (feedSequence < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, feedSequence, $"{parameterName} is {feedSequence}; it must not be negative.");
        }
    }

    private static void Require(object? value, string field, string parameterName)
    {
        if (value is null or "")
        {
            throw new ArgumentException($"{field} is missing; the batch was not applied.", parameterName);
        }
    }

    private static void Unique(HashSet<string> seen, string id, string field, string parameterName)
    {
        if (!seen.Add(id))
        {
            throw new ArgumentException($"{field} '{id}' appears twice; a batch holds each id once, at its newest version.", parameterName);
        }
    }

    private static void RequireEach(IReadOnlyCollection<string> orderIds, string field, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(orderIds, $"{parameterName}.{field}");
        var index = 0;
        foreach (var orderId in orderIds)
        {
            Require(orderId, $"{field}[{index++}]", parameterName);
        }
    }
}
