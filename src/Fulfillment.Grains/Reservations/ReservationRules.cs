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
        if (request.Lines is null || request.Lines.Count == 0)
        {
            throw new ArgumentException("lines is empty; a reservation needs at least one line.", nameof(request));
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null || string.IsNullOrWhiteSpace(line.Sku))
            {
                throw new ArgumentException($"lines[{i}].sku is empty; every line names a SKU.", nameof(request));
            }

            if (line.Quantity < 1)
            {
                throw new ArgumentException($"lines[{i}].quantity is {line.Quantity}; it must be at least 1.", nameof(request));
            }
        }

        if (request.TtlSeconds is < MinTtlSeconds or > MaxTtlSeconds)
        {
            throw new ArgumentException($"ttlSeconds is {request.TtlSeconds}; it must be between {MinTtlSeconds} and {MaxTtlSeconds}.", nameof(request));
        }
    }
}
