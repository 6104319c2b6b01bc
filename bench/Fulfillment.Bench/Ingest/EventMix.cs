using System.Globalization;
using System.Text;
using Fulfillment.Contracts;
using Fulfillment.Grains.Configuration;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// The events the ingest scenario posts: about three in four are <c>fulfillment.order.stage</c> of one of many
/// orders, the rest <c>fulfillment.inventory.received</c> of a warehouse/sku position. Event n is a pure function of n
/// (its id is <c>evt-{n}</c>, unique, so nothing is a duplicate), and its JSON is assembled from per-key UTF-8
/// pieces, so the posting side spends little of the two cores the service needs.
/// </summary>
internal sealed class EventMix
{
    public const string Source = "urn:bench:wms";

    // The service's default network: an event for a warehouse outside it is refused by the inventory grain and retried.
    private static readonly string[] Warehouses = [.. DefaultNetwork.Warehouses.Select(w => w.Id)];
    private static readonly byte[] Head = Encoding.UTF8.GetBytes($"{{\"specversion\":\"1.0\",\"id\":\"{IngestProbe.IdPrefix}");
    private static readonly byte[] AfterId = Encoding.UTF8.GetBytes($"\",\"source\":\"{Source}\",\"type\":\"");
    private static readonly byte[][] Stages = [.. Stage.Reportable.Select(s => Encoding.UTF8.GetBytes(s.Name))];

    private readonly KeyTemplate[] _orders;
    private readonly KeyTemplate[] _inventory;

    public EventMix(int keyCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyCount, 2);
        var inventoryCount = Math.Max(1, keyCount / 5);
        _orders = [.. Enumerable.Range(0, keyCount - inventoryCount).Select(OrderTemplate)];
        _inventory = [.. Enumerable.Range(0, inventoryCount).Select(InventoryTemplate)];
    }

    public int KeyCount => _orders.Length + _inventory.Length;

    /// <summary>Writes events <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 as a JSON array; returns its length.</summary>
    public int WriteBatch(long first, int count, DateTime eventTime, ref byte[] buffer)
    {
        Span<byte> time = stackalloc byte[32];
        if (!eventTime.TryFormat(time, out var timeLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The event time did not fit its buffer.");
        }

        time = time[..timeLength];
        var length = 0;
        Append(ref buffer, ref length, "["u8);
        for (var n = first; n < first + count; n++)
        {
            if (n != first)
            {
                Append(ref buffer, ref length, ","u8);
            }

            WriteEvent(n, time, ref buffer, ref length);
        }

        Append(ref buffer, ref length, "]"u8);
        return length;
    }

    private void WriteEvent(long n, ReadOnlySpan<byte> time, ref byte[] buffer, ref int length)
    {
        var bits = Mix(n);
        var isOrder = (bits & 0xFF) < 192;
        var keys = isOrder ? _orders : _inventory;
        var template = keys[(int)(((bits >> 32) * (ulong)keys.Length) >> 32)];
        Append(ref buffer, ref length, Head);
        AppendNumber(ref buffer, ref length, n);
        Append(ref buffer, ref length, AfterId);
        Append(ref buffer, ref length, template.BeforeTime);
        Append(ref buffer, ref length, time);
        Append(ref buffer, ref length, template.BeforeValue);
        if (isOrder)
        {
            Append(ref buffer, ref length, Stages[(int)((bits >> 8) % (ulong)Stages.Length)]);
        }
        else
        {
            AppendNumber(ref buffer, ref length, 1 + (long)((bits >> 8) % 48));
        }

        Append(ref buffer, ref length, template.AfterValue);
    }

    private static KeyTemplate OrderTemplate(int i)
    {
        var orderId = string.Create(CultureInfo.InvariantCulture, $"ord-{i:D7}");
        var warehouse = Warehouses[i % Warehouses.Length];
        var tracking = string.Create(CultureInfo.InvariantCulture, $"1ZBENCH{i:D7}");
        return new KeyTemplate(
            orderId,
            Utf8($"{FulfillmentEventTypes.OrderStage}\",\"subject\":\"{orderId}\",\"time\":\""),
            Utf8($"\",\"data\":{{\"orderId\":\"{orderId}\",\"stage\":\""),
            Utf8($"\",\"warehouseId\":\"{warehouse}\",\"carrier\":\"ups\",\"trackingNumber\":\"{tracking}\"}}}}"));
    }

    private static KeyTemplate InventoryTemplate(int i)
    {
        var warehouse = Warehouses[i % Warehouses.Length];
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{i / Warehouses.Length:D5}");
        var key = FulfillmentStreams.InventoryKey(warehouse, sku);
        return new KeyTemplate(
            key,
            Utf8($"{FulfillmentEventTypes.InventoryReceived}\",\"subject\":\"{key}\",\"time\":\""),
            Utf8($"\",\"data\":{{\"warehouseId\":\"{warehouse}\",\"sku\":\"{sku}\",\"quantity\":"),
            Utf8("}}"));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // splitmix64's finalizer: consecutive n give unrelated bits, so the mix has no pattern across a batch.
    private static ulong Mix(long n)
    {
        var z = (ulong)n + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        Ensure(ref buffer, length + bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private static void AppendNumber(ref byte[] buffer, ref int length, long value)
    {
        Ensure(ref buffer, length + 20);
        if (!value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A number did not fit its buffer.");
        }

        length += written;
    }

    private static void Ensure(ref byte[] buffer, int needed)
    {
        if (needed > buffer.Length)
        {
            var larger = new byte[Math.Max(needed, buffer.Length * 2)];
            buffer.AsSpan().CopyTo(larger);
            buffer = larger;
        }
    }
}
