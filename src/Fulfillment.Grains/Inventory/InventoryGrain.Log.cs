using Microsoft.Extensions.Logging;

namespace Fulfillment.Grains.Inventory;

internal sealed partial class InventoryGrain
{
    [LoggerMessage(3101, LogLevel.Information, "Inventory {Key}: {Count} holds expired and returned their stock")]
    private partial void LogHoldsExpired(string key, int count);

    [LoggerMessage(3102, LogLevel.Warning, "Inventory {Key}: pushing version {Version} to the availability view failed; retrying")]
    private partial void LogPublishFailed(string key, long version, Exception error);

    [LoggerMessage(3103, LogLevel.Debug, "Inventory {Key}: event {EventId} is not an inventory change; ignored")]
    private partial void LogEventIgnored(string key, string eventId);

    [LoggerMessage(3104, LogLevel.Debug, "Inventory {Key}: event {EventId} was already applied; delivered again, changed nothing")]
    private partial void LogEventRepeated(string key, string eventId);
}
