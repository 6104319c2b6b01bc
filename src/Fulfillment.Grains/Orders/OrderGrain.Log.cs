using Microsoft.Extensions.Logging;

namespace Fulfillment.Grains.Orders;

internal sealed partial class OrderGrain
{
    [LoggerMessage(3501, LogLevel.Debug, "Order {OrderId}: entered {Stage}")]
    private partial void LogStageEntered(string orderId, string stage);

    [LoggerMessage(3502, LogLevel.Warning, "Order {OrderId}: alert {Kind} raised (due at {DueAt:O})")]
    private partial void LogAlertRaised(string orderId, string kind, DateTimeOffset dueAt);

    [LoggerMessage(3503, LogLevel.Information, "Order {OrderId}: alert {Kind} resolved")]
    private partial void LogAlertResolved(string orderId, string kind);

    [LoggerMessage(3504, LogLevel.Warning, "Order {OrderId}: payment confirmed but the order could not be allocated: {Issue}")]
    private partial void LogAllocationFailed(string orderId, string issue);

    [LoggerMessage(3505, LogLevel.Debug, "Order {OrderId}: event {EventId} is not an order event; ignored")]
    private partial void LogEventIgnored(string orderId, string eventId);

    [LoggerMessage(3506, LogLevel.Debug, "Order {OrderId}: event {EventId} was already applied; delivered again, changed nothing")]
    private partial void LogEventRepeated(string orderId, string eventId);
}
