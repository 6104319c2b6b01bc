namespace Grains.Sqlite;

/// <summary>One event of a segment as <see cref="StreamSegmentReader"/> finds it: views of the packed bytes, valid while the segment's bytes are.</summary>
internal readonly ref struct StreamSegmentRecord(
    ReadOnlySpan<byte> utf8Namespace,
    ReadOnlySpan<byte> utf8Key,
    ReadOnlySpan<byte> utf8EventId,
    ReadOnlySpan<byte> body)
{
    public ReadOnlySpan<byte> Utf8Namespace { get; } = utf8Namespace;

    public ReadOnlySpan<byte> Utf8Key { get; } = utf8Key;

    public ReadOnlySpan<byte> Utf8EventId { get; } = utf8EventId;

    public ReadOnlySpan<byte> Body { get; } = body;
}
