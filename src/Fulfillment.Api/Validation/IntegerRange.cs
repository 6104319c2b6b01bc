using System.Globalization;
using Fulfillment.Grains.Reservations;

namespace Fulfillment.Api.Validation;

/// <summary>An allowed range of an integer field, with the message that names it.</summary>
internal sealed class IntegerRange(int minimum, int maximum)
{
    /// <summary>A line's quantity.</summary>
    public static IntegerRange Quantity { get; } = new(1, 1_000_000);

    /// <summary>
    /// Stock levels (on hand, safety stock, inbound). The ceiling keeps a SKU's sum over many warehouses far from
    /// overflowing.
    /// </summary>
    public static IntegerRange StockLevel { get; } = new(0, 100_000_000);

    /// <summary>How long a reservation holds its stock, in seconds: 30 s to 4 h.</summary>
    public static IntegerRange TtlSeconds { get; } = new(ReservationRules.MinTtlSeconds, ReservationRules.MaxTtlSeconds);

    /// <summary>How many items a list route answers at most (<c>limit</c>).</summary>
    public static IntegerRange ListLimit { get; } = new(1, 500);

    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    public string Message => $"must be an integer from {Minimum} to {Maximum}";

    public bool Contains(int value) => value >= Minimum && value <= Maximum;

    /// <summary>Reports a missing or out-of-range value under <paramref name="field"/>; true when it is valid.</summary>
    public bool CheckRequired(int? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "is required");
            return false;
        }

        return CheckOptional(value, field, errors);
    }

    /// <summary>Like <see cref="CheckRequired"/>, but absent (null) is valid.</summary>
    public bool CheckOptional(int? value, string field, FieldErrors errors)
    {
        if (value is not { } number || Contains(number))
        {
            return true;
        }

        errors.Add(field, Message);
        return false;
    }

    /// <summary>Parses a query-string value (invariant digits only) and checks the range.</summary>
    public int? ParseOptional(string? text, int fallback, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && Contains(number))
        {
            return number;
        }

        errors.Add(field, Message);
        return null;
    }
}
