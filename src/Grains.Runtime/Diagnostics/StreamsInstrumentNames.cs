namespace Grains.Runtime.Diagnostics;

/// <summary>Meter and instrument names of the stream agents.</summary>
public static class StreamsInstrumentNames
{
    public const string MeterName = "Grains.Streams";
    public const string EventsDelivered = "grains.streams.events.delivered";
    public const string DeliveryLatency = "grains.streams.delivery.latency";
    public const string DeliveryRetries = "grains.streams.delivery.retries";
    public const string DeadLetters = "grains.streams.dead_letters";
    public const string LagEvents = "grains.streams.lag.events";
    public const string LagSeconds = "grains.streams.lag.seconds";
    public const string CheckpointAge = "grains.streams.checkpoint.age";
}
