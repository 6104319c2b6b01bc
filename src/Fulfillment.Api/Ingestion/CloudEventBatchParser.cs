using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Validation;
using Grains.Streams;
using Microsoft.Net.Http.Headers;

namespace Fulfillment.Api.Ingestion;

/// <summary>
/// Turns a structured-mode CloudEvents body into stream events, all or nothing. One pass over the parsed document:
/// each event's attributes are read by name (no reflection, no per-event object model), its data checked with
/// <see cref="EventDataShape"/>, and its canonical form written into one buffer shared by the batch — minified JSON
/// with the context attributes in a fixed order, extensions next, <c>data</c> last. Every invalid event is reported,
/// not just the first.
/// </summary>
internal static class CloudEventBatchParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Valid input is copied, so the writer need not re-check it; relaxed escaping keeps non-ASCII text as UTF-8.
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CloudEventParseResult Parse(ReadOnlyMemory<byte> body, EventBodyShape shape, int maxEvents)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException error)
        {
            return CloudEventParseResult.Malformed(error);
        }

        using (document)
        {
            var root = document.RootElement;
            return (shape, root.ValueKind) switch
            {
                (EventBodyShape.Single or EventBodyShape.SingleOrBatch, JsonValueKind.Object) => ParseEvents([root], body.Length),
                (EventBodyShape.Batch or EventBodyShape.SingleOrBatch, JsonValueKind.Array) => ParseBatch(root, maxEvents, body.Length),
                (EventBodyShape.Single, _) => CloudEventParseResult.WrongShape(
                    $"{CloudEventContentTypes.Single} carries one event as a JSON object; send a JSON array as {CloudEventContentTypes.Batch}."),
                (EventBodyShape.Batch, _) => CloudEventParseResult.WrongShape(
                    $"{CloudEventContentTypes.Batch} carries a JSON array of events; send one event as {CloudEventContentTypes.Single}."),
                _ => CloudEventParseResult.WrongShape("The body must be a JSON object (one event) or a JSON array of events."),
            };
        }
    }

    private static CloudEventParseResult ParseBatch(JsonElement array, int maxEvents, int bodyLength)
    {
        var count = array.GetArrayLength();
        if (count == 0)
        {
            return CloudEventParseResult.Empty();
        }

        if (count > maxEvents)
        {
            return CloudEventParseResult.TooMany(count, maxEvents);
        }

        var events = new JsonElement[count];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            events[i++] = element;
        }

        return ParseEvents(events, bodyLength);
    }

    private static CloudEventParseResult ParseEvents(JsonElement[] elements, int bodyLength)
    {
        // Canonical bodies are the input minus whitespace, so the body's length is almost always room enough.
        var output = new ArrayBufferWriter<byte>(bodyLength + 256);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        var state = new BatchState(writer, output, elements.Length);
        for (var index = 0; index < elements.Length; index++)
        {
            ParseEvent(elements[index], index, state);
        }

        if (state.Errors is not null)
        {
            return CloudEventParseResult.Invalid(elements.Length, state.Errors.ToDictionary(p => p.Key, p => p.Value.ToArray()));
        }

        var bodies = output.WrittenMemory;
        var events = new StreamEventData[elements.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var pending = state.Pending[i];
            events[i] = new StreamEventData(pending.Namespace, pending.Key, pending.EventId, bodies.Slice(pending.Start, pending.Length));
        }

        return CloudEventParseResult.Parsed(events);
    }

    private static void ParseEvent(JsonElement element, int index, BatchState state)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            state.Error(index, null, "must be a JSON object (one CloudEvent)");
            return;
        }

        var attributes = ReadAttributes(element, index, state);
        var errorsBefore = state.ErrorCount;

        if (attributes.SpecVersion.ValueKind == JsonValueKind.Undefined)
        {
            state.Error(index, CloudEventAttributes.SpecVersion, "is required");
        }
        else if (!attributes.SpecVersion.ValueEquals(CloudEventAttributes.Version))
        {
            state.Error(index, CloudEventAttributes.SpecVersion, $"must be \"{CloudEventAttributes.Version}\"");
        }

        var id = RequiredString(attributes.Id, CloudEventAttributes.Id, index, state);
        var source = Source(attributes.Source, index, state);
        var type = EventType(attributes.Type, index, state);
        Time(attributes.Time, index, state);
        var subject = OptionalString(attributes.Subject, CloudEventAttributes.Subject, index, state);
        DataContentType(attributes.DataContentType, index, state);
        OptionalString(attributes.DataSchema, CloudEventAttributes.DataSchema, index, state);
        OptionalString(attributes.CorrelationId, CloudEventAttributes.CorrelationId, index, state);
        OptionalString(attributes.CausationId, CloudEventAttributes.CausationId, index, state);
        if (attributes.HasDataBase64)
        {
            state.Error(index, CloudEventAttributes.DataBase64, "is not accepted: send the data as JSON in \"data\"");
        }

        string? key = null;
        if (attributes.Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            state.Error(index, CloudEventAttributes.Data, "is required");
        }
        else if (type is not null)
        {
            key = Data(type, attributes.Data, index, state);
        }

        if (subject is not null && key is not null && !string.Equals(subject, key, StringComparison.Ordinal))
        {
            state.Error(index, CloudEventAttributes.Subject, $"must equal the event's key \"{key}\" (the order id, or warehouseId/sku)");
        }

        // Once anything in the request is invalid nothing is appended, so canonical bodies are no longer needed.
        if (state.ErrorCount != errorsBefore || state.Errors is not null)
        {
            return;
        }

        var (start, length) = WriteCanonical(element, attributes, state);
        state.Pending.Add(new PendingEvent(FulfillmentEventTypes.StreamNamespaceOf(type!)!, key!, StreamEventIds.ForCloudEvent(source!, id!), start, length));
    }

    private static EventAttributes ReadAttributes(JsonElement element, int index, BatchState state)
    {
        var attributes = default(EventAttributes);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("specversion"u8))
            {
                attributes.SpecVersion = value;
            }
            else if (property.NameEquals("id"u8))
            {
                attributes.Id = value;
            }
            else if (property.NameEquals("source"u8))
            {
                attributes.Source = value;
            }
            else if (property.NameEquals("type"u8))
            {
                attributes.Type = value;
            }
            else if (property.NameEquals("time"u8))
            {
                attributes.Time = value;
            }
            else if (property.NameEquals("data"u8))
            {
                attributes.Data = value;
            }
            else if (property.NameEquals("subject"u8))
            {
                attributes.Subject = value;
            }
            else if (property.NameEquals("datacontenttype"u8))
            {
                attributes.DataContentType = value;
            }
            else if (property.NameEquals("dataschema"u8))
            {
                attributes.DataSchema = value;
            }
            else if (property.NameEquals("correlationid"u8))
            {
                attributes.CorrelationId = value;
            }
            else if (property.NameEquals("causationid"u8))
            {
                attributes.CausationId = value;
            }
            else if (property.NameEquals("data_base64"u8))
            {
                attributes.HasDataBase64 = true;
            }
            else
            {
                attributes.HasExtensions = true;
                Extension(property, index, state);
            }
        }

        return attributes;
    }

    private static void Extension(JsonProperty property, int index, BatchState state)
    {
        if (!CloudEventAttributes.IsValidName(property.Name))
        {
            state.Error(index, property.Name, "is not a valid attribute name: CloudEvents attribute names are lower-case letters and digits");
        }
        else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            state.Error(index, property.Name, "must be a string, number or boolean (extension attribute)");
        }
    }

    private static string? RequiredString(JsonElement value, string name, int index, BatchState state)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            state.Error(index, name, "is required");
            return null;
        }

        return NonEmptyString(value, name, index, state);
    }

    private static string? OptionalString(JsonElement value, string name, int index, BatchState state) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : NonEmptyString(value, name, index, state);

    private static string? NonEmptyString(JsonElement value, string name, int index, BatchState state)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            state.Error(index, name, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            state.Error(index, name, "must not be empty");
            return null;
        }

        return text;
    }

    private static string? Source(JsonElement value, int index, BatchState state)
    {
        // A batch usually comes from one source: reuse the string validated for the previous event.
        if (state.LastSource is { } last && value.ValueKind == JsonValueKind.String && value.ValueEquals(last))
        {
            return last;
        }

        var source = RequiredString(value, CloudEventAttributes.Source, index, state);
        if (source is null)
        {
            return null;
        }

        if (!IsUriReference(source))
        {
            state.Error(index, CloudEventAttributes.Source, "must be a URI-reference (RFC 3986), such as urn:wms:east or /warehouses/east");
            return null;
        }

        state.LastSource = source;
        return source;
    }

    private static bool IsUriReference(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);
    }

    private static string? EventType(JsonElement value, int index, BatchState state)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            state.Error(index, CloudEventAttributes.Type, "is required");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            foreach (var known in FulfillmentEventTypes.All)
            {
                if (value.ValueEquals(known))
                {
                    return known;
                }
            }
        }

        state.Error(index, CloudEventAttributes.Type, $"must be one of {string.Join(", ", FulfillmentEventTypes.All)}");
        return null;
    }

    private static void Time(JsonElement value, int index, BatchState state)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            state.Error(index, CloudEventAttributes.Time, "is required: it is the time the event happened");
        }
        else if (value.ValueKind != JsonValueKind.String || !Rfc3339.IsValid(value.GetString()))
        {
            state.Error(index, CloudEventAttributes.Time, "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z");
        }
    }

    private static void DataContentType(JsonElement value, int index, BatchState state)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.String
            || !MediaTypeHeaderValue.TryParse(value.GetString(), out var media)
            || !media.MediaType.Equals(CloudEventContentTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            state.Error(index, CloudEventAttributes.DataContentType, $"must be {CloudEventContentTypes.Json} or absent");
        }
    }

    private static string? Data(string type, JsonElement data, int index, BatchState state)
    {
        var shapeErrors = state.ShapeErrors;
        shapeErrors.Clear();
        var key = EventDataShape.Validate(type, data, shapeErrors);
        foreach (var error in shapeErrors)
        {
            state.Error(index, error.Field.Length == 0 ? CloudEventAttributes.Data : $"{CloudEventAttributes.Data}.{error.Field}", error.Message);
        }

        return key;
    }

    private static (int Start, int Length) WriteCanonical(JsonElement element, in EventAttributes attributes, BatchState state)
    {
        var writer = state.Writer;
        var start = state.Output.WrittenCount;
        writer.WriteStartObject();
        Write(writer, "specversion"u8, attributes.SpecVersion);
        Write(writer, "id"u8, attributes.Id);
        Write(writer, "source"u8, attributes.Source);
        Write(writer, "type"u8, attributes.Type);
        Write(writer, "subject"u8, attributes.Subject);
        Write(writer, "time"u8, attributes.Time);
        Write(writer, "datacontenttype"u8, attributes.DataContentType);
        Write(writer, "dataschema"u8, attributes.DataSchema);
        Write(writer, "correlationid"u8, attributes.CorrelationId);
        Write(writer, "causationid"u8, attributes.CausationId);
        if (attributes.HasExtensions)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null && !IsContextAttribute(property))
                {
                    property.WriteTo(writer);
                }
            }
        }

        Write(writer, "data"u8, attributes.Data);
        writer.WriteEndObject();
        writer.Flush();

        // Each body is its own JSON document: without a reset the writer would open the next one with a separator.
        writer.Reset();
        return (start, state.Output.WrittenCount - start);
    }

    private static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static bool IsContextAttribute(JsonProperty property) =>
        property.NameEquals("specversion"u8) || property.NameEquals("id"u8) || property.NameEquals("source"u8)
        || property.NameEquals("type"u8) || property.NameEquals("subject"u8) || property.NameEquals("time"u8)
        || property.NameEquals("datacontenttype"u8) || property.NameEquals("dataschema"u8)
        || property.NameEquals("correlationid"u8) || property.NameEquals("causationid"u8)
        || property.NameEquals("data"u8) || property.NameEquals("data_base64"u8);
}
