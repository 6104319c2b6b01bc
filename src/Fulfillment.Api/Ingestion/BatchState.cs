using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fulfillment.Contracts.Validation;

namespace Fulfillment.Api.Ingestion;

/// <summary>What parsing one request accumulates: the canonical-body writer, the valid events so far, and the errors.</summary>
internal sealed class BatchState(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, int capacity)
{
    public Utf8JsonWriter Writer { get; } = writer;

    public ArrayBufferWriter<byte> Output { get; } = output;

    public List<PendingEvent> Pending { get; } = new(capacity);

    /// <summary>Reused for each event's data errors.</summary>
    public List<ShapeError> ShapeErrors { get; } = [];

    /// <summary>Errors keyed <c>[index]</c> or <c>[index].field</c>; null while every event is valid.</summary>
    public Dictionary<string, List<string>>? Errors { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>The last source found valid, so a batch from one source validates it once.</summary>
    public string? LastSource { get; set; }

    public void Error(int index, string? field, string message)
    {
        var key = field is null
            ? string.Create(CultureInfo.InvariantCulture, $"[{index}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{index}].{field}");
        Errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Errors.TryGetValue(key, out var messages))
        {
            Errors[key] = messages = [];
        }

        messages.Add(message);
        ErrorCount++;
    }
}
