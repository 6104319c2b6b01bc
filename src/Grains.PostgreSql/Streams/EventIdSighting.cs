namespace Grains.PostgreSql;

/// <summary>The latest stored event with an id: when it was enqueued (UTC ticks) and its log-wide ordinal.</summary>
internal readonly record struct EventIdSighting(long EnqueuedAt, long Ordinal);
