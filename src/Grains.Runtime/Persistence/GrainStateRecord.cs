namespace Grains.Storage;

/// <summary>
/// What a provider holds for one state: the serialized payload (null after a clear, which keeps the row as a tombstone
/// so ETags never repeat) and the ETag of that version.
/// </summary>
public sealed record GrainStateRecord(byte[]? Data, string Etag);
