namespace Fulfillment.Api.Ingestion;

/// <summary>CloudEvents 1.0 context attribute names used by the ingestion endpoint, and the extension-name rule.</summary>
internal static class CloudEventAttributes
{
    public const string SpecVersion = "specversion";
    public const string Id = "id";
    public const string Source = "source";
    public const string Type = "type";
    public const string Subject = "subject";
    public const string Time = "time";
    public const string DataContentType = "datacontenttype";
    public const string DataSchema = "dataschema";
    public const string Data = "data";
    public const string DataBase64 = "data_base64";
    public const string CorrelationId = "correlationid";
    public const string CausationId = "causationid";

    /// <summary>The only specversion accepted.</summary>
    public const string Version = "1.0";

    /// <summary>Attribute names are lower-case ASCII letters and digits (CloudEvents 1.0, "Attribute Naming Convention").</summary>
    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
