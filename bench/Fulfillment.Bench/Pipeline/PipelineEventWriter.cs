using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fulfillment.Contracts;

namespace Fulfillment.Bench.Pipeline;

/// <summary>Writes the CloudEvents of a batch of slots, as a warehouse management system and a storefront would send them.</summary>
internal sealed class PipelineEventWriter
{
    public const string Source = "urn:bench:pipeline";

    private static readonly TimeSpan PromiseAhead = TimeSpan.FromDays(3);

    private readonly PipelinePlan _plan;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public PipelineEventWriter(PipelinePlan plan)
    {
        _plan = plan;
        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>
    /// The JSON array of the events of slots <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1
    /// at event time <paramref name="time"/>; <paramref name="posted"/> receives (order, step) of each event written.
    /// </summary>
    public ReadOnlyMemory<byte> Write(long first, int count, DateTimeOffset time, List<(long Order, int Step)> posted)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        posted.Clear();
        _json.WriteStartArray();
        for (var slot = first; slot < first + count; slot++)
        {
            if (_plan.TryGet(slot, out var order, out var step))
            {
                WriteEvent(order, step, time);
                posted.Add((order, step));
            }
        }

        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    private void WriteEvent(long order, int step, DateTimeOffset time)
    {
        var orderId = PipelinePlan.OrderId(order);
        var what = PipelineStep.Lifecycle[step];
        _json.WriteStartObject();
        _json.WriteString("specversion", "1.0");
        _json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"{orderId}-{step}"));
        _json.WriteString("source", Source);
        _json.WriteString("type", what.Type);
        _json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        _json.WriteString("subject", orderId);
        _json.WriteStartObject("data");
        _json.WriteString("orderId", orderId);
        var region = (int)(order % PipelinePlan.Regions.Length);
        if (what.Type == FulfillmentEventTypes.OrderCreated)
        {
            _json.WriteString("customerId", string.Create(CultureInfo.InvariantCulture, $"c-{order % 10_000}"));
            _json.WriteStartArray("lines");
            _json.WriteStartObject();
            _json.WriteString("sku", _plan.Skus[(int)(order % _plan.Skus.Count)]);
            _json.WriteNumber("quantity", 1);
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteString("destinationRegion", PipelinePlan.Regions[region]);
            _json.WriteString("promisedDeliveryAt", (time + PromiseAhead).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else if (what.ReportedStage is { } stage)
        {
            _json.WriteString("stage", stage.Name);
            _json.WriteString("warehouseId", PipelinePlan.Warehouses[region]);
            if (stage.Rank >= Stage.Labeled.Rank)
            {
                _json.WriteString("carrier", PipelinePlan.Carriers[(int)(order % PipelinePlan.Carriers.Length)]);
                _json.WriteString("trackingNumber", string.Create(CultureInfo.InvariantCulture, $"TRK{order:D10}"));
            }
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
    }
}
