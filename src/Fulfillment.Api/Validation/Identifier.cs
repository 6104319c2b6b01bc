using System.Buffers;

namespace Fulfillment.Api.Validation;

/// <summary>
/// The rule for names the gateway takes from clients — SKUs, reservation and order ids, regions: 1 to
/// <see cref="MaxLength"/> characters of letters, digits and <c>. _ - :</c>. They travel in URL paths and make up grain
/// keys (an inventory key is <c>warehouseId/sku</c>), so nothing that needs escaping is accepted.
/// </summary>
internal sealed class Identifier(int maxLength)
{
    public const string AllowedCharacters = "letters, digits and . _ - :";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-:");

    public static Identifier Sku { get; } = new(64);

    public static Identifier Region { get; } = new(64);

    public static Identifier ReservationId { get; } = new(128);

    public static Identifier OrderId { get; } = new(128);

    public static Identifier CustomerId { get; } = new(128);

    public static Identifier WarehouseId { get; } = new(64);

    public static Identifier Carrier { get; } = new(64);

    public static Identifier TrackingNumber { get; } = new(64);

    public int MaxLength { get; } = maxLength;

    /// <summary>Reports what is wrong with a required value under <paramref name="field"/>; true when it is valid.</summary>
    public bool CheckRequired(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "is required");
            return false;
        }

        return Check(value, field, errors);
    }

    /// <summary>Like <see cref="CheckRequired"/>, but absent (null) is valid.</summary>
    public bool CheckOptional(string? value, string field, FieldErrors errors) => value is null || Check(value, field, errors);

    private bool Check(string value, string field, FieldErrors errors)
    {
        if (value.Length == 0)
        {
            errors.Add(field, "must not be empty");
            return false;
        }

        if (value.Length > MaxLength)
        {
            errors.Add(field, $"must be at most {MaxLength} characters");
            return false;
        }

        if (!value.AsSpan().ContainsAnyExcept(Allowed))
        {
            return true;
        }

        errors.Add(field, $"may contain only {AllowedCharacters}");
        return false;
    }
}
