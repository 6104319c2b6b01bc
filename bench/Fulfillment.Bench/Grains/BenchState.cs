namespace Fulfillment.Bench.Grains;

/// <summary>A small order-line-like state; serializes to about 100 bytes of JSON.</summary>
public sealed class BenchState
{
    public long Version { get; set; }

    public int LastWriter { get; set; }

    public string Sku { get; set; } = "SKU-00000";

    public int Quantity { get; set; }

    public long UpdatedAtTicks { get; set; }
}
