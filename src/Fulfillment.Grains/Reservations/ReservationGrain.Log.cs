using Microsoft.Extensions.Logging;

namespace Fulfillment.Grains.Reservations;

internal sealed partial class ReservationGrain
{
    [LoggerMessage(3301, LogLevel.Debug, "Reservation {ReservationId}: {Parts} parts held until {ExpiresAt:O}")]
    private partial void LogHeld(string reservationId, int parts, DateTimeOffset expiresAt);

    [LoggerMessage(3302, LogLevel.Debug, "Reservation {ReservationId}: short on attempt {Attempt}; nothing held")]
    private partial void LogShort(string reservationId, int attempt);

    [LoggerMessage(3303, LogLevel.Information, "Reservation {ReservationId}: {Refused} parts refused (another cart was faster); re-planning from the inventory")]
    private partial void LogReplanning(string reservationId, int refused);

    [LoggerMessage(3304, LogLevel.Warning, "Reservation {ReservationId}: {Lost} holds had lapsed at confirmation; released the rest, reservation expired")]
    private partial void LogHoldsLost(string reservationId, int lost);
}
