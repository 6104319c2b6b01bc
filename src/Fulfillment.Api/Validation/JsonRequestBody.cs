using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Fulfillment.Api.Json;
using Fulfillment.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Validation;

/// <summary>
/// Reads a JSON request body into its record so that every way it can be wrong is a problem naming the field: not
/// JSON at all (400 with line and byte), the wrong JSON type for a field (400 with <c>errors</c> keyed by the field's
/// path, such as <c>lines[2].quantity</c>), or not JSON by content type (415). Minimal-API body binding would answer
/// the first two with one unspecific message, so handlers read the body themselves; members the record does not know
/// are ignored (clients may send fields added later).
/// </summary>
internal static class JsonRequestBody
{
    public static async Task<BodyReadResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Refuse<T>(ApiProblems.Status(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                $"Content-Type {(string.IsNullOrEmpty(request.ContentType) ? "(none)" : request.ContentType)} is not supported; send the body as application/json."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException error)
        {
            return Refuse<T>(Malformed(error));
        }

        using (document)
        {
            var errors = new FieldErrors();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("body", "must be a JSON object");
                return Refuse<T>(ApiProblems.Invalid(errors));
            }

            try
            {
                return new BodyReadResult<T>(document.RootElement.Deserialize(typeInfo), null);
            }
            catch (JsonException error)
            {
                var field = FieldOf(error.Path);
                errors.Add(field, Expectation(field));
                return Refuse<T>(ApiProblems.Invalid(errors));
            }
        }
    }

    private static BodyReadResult<T> Refuse<T>(ProblemHttpResult problem)
        where T : class => new(null, problem);

    private static ProblemHttpResult Malformed(JsonException error)
    {
        var syntax = JsonSyntaxError.From(error);
        return ApiProblems.Status(
            StatusCodes.Status400BadRequest,
            "Malformed JSON",
            $"The body is not valid JSON at line {syntax.Line}, byte {syntax.BytePositionInLine}: {syntax.Reason}",
            new Dictionary<string, object?> { ["line"] = syntax.Line, ["bytePositionInLine"] = syntax.BytePositionInLine });
    }

    /// <summary><c>$.lines[2].quantity</c> → <c>lines[2].quantity</c>; the root is <c>body</c>.</summary>
    private static string FieldOf(string? path)
    {
        var field = path is null ? string.Empty : path.TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>What a field of the gateway's request bodies holds, named by the last segment of its path.</summary>
    private static string Expectation(string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (name.EndsWith(']'))
        {
            return name.StartsWith("lines[", StringComparison.Ordinal) ? "must be an object with sku and quantity" : "has the wrong JSON type";
        }

        return name switch
        {
            "quantity" => IntegerRange.Quantity.Message,
            "ttlSeconds" => IntegerRange.TtlSeconds.Message,
            "onHand" or "safetyStock" or "inbound" => IntegerRange.StockLevel.Message,
            "lines" => "must be an array of objects with sku and quantity",
            "promisedDeliveryAt" => Timestamp.Message,
            "sku" or "reservationId" or "orderId" or "customerId" or "destinationRegion" => "must be a string",
            _ => "has the wrong JSON type",
        };
    }
}
