namespace Grains.Streams;

/// <summary>
/// An event to append to a stream log. <see cref="Key"/> decides the partition (the same hash that places grains);
/// <see cref="EventId"/> identifies the event for de-duplication (for CloudEvents: source and id together).
/// </summary>
public sealed record StreamEventData(string Namespace, string Key, string EventId, ReadOnlyMemory<byte> Body);
