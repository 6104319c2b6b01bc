using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Grains.Reservations;

/// <summary>
/// What a reservation request must be. The gateway checks the same, but grains do not trust their callers: a request
/// that breaks a rule throws <see cref="ArgumentException"/> naming the field, and changes nothing.
/// </summary>
public static class ReservationRules
{
    public const int MinTtlSeconds = 30;

    public const int MaxTtlSeconds = 14_400;

    internal static void Validate(ReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LineRules.Validate(request.Lines, l => l.Sku, l => l.Quantity, "a reservation", nameof(request));

        if (request.TtlSeconds is < MinTtlSeconds or > MaxTtlSeconds)
        {
            throw new ArgumentException($"ttlSeconds is {request.TtlSeconds}; it must be between {MinTtlSeconds} and {MaxTtlSeconds}.", nameof(request));
        }
    }
}
