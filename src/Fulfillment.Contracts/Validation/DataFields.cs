using System.Text.Json;

namespace Fulfillment.Contracts.Validation;

/// <summary>
/// Reads typed fields of a JSON object and reports what is missing or malformed. Error paths are built only when a field
/// is wrong, so valid data pays nothing for them.
/// </summary>
internal readonly ref struct DataFields(JsonElement data, ICollection<ShapeError> errors, string? parent = null, int index = -1)
{
    public string? RequiredString(string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return NoString(name, "is required");
        }

        return NonEmptyString(name, value);
    }

    /// <summary>Absent and null both mean "not given"; a given value must be a non-empty string.</summary>
    public string? OptionalString(string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? NonEmptyString(name, value) : null;

    public int? RequiredInt(string name, int minimum)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<int>(name, "is required");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum)
        {
            return Fail<int>(name, minimum == 0 ? "must be an integer of 0 or more" : $"must be an integer of {minimum} or more");
        }

        return number;
    }

    public DateTimeOffset? RequiredTimestamp(string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<DateTimeOffset>(name, "is required");
        }

        return Timestamp(name, value);
    }

    public DateTimeOffset? OptionalTimestamp(string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Timestamp(name, value) : null;

    /// <summary>A required, non-empty array; null (with an error reported) when it is not one.</summary>
    public JsonElement? RequiredArray(string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Fail<JsonElement>(name, "is required");
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<JsonElement>(name, "must be an array");
        }

        return value.GetArrayLength() == 0 ? Fail<JsonElement>(name, "must not be empty") : value;
    }

    public void Report(string name, string message) => errors.Add(new ShapeError(Path(name), message));

    private string? NonEmptyString(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return NoString(name, "must be a string");
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? NoString(name, "must not be empty") : text;
    }

    private DateTimeOffset? Timestamp(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && Rfc3339.TryParse(value.GetString(), out var instant))
        {
            return instant;
        }

        return Fail<DateTimeOffset>(name, "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z");
    }

    private T? Fail<T>(string name, string message)
        where T : struct
    {
        Report(name, message);
        return null;
    }

    private string? NoString(string name, string message)
    {
        Report(name, message);
        return null;
    }

    private string Path(string name) => parent is null ? name : index >= 0 ? $"{parent}[{index}].{name}" : $"{parent}.{name}";
}
