using Grains.Storage;

namespace Grains.Sqlite;

/// <summary>The outcome of a write or clear: the new ETag, or a conflict with the ETag storage holds (null: no record).</summary>
internal readonly record struct GrainStateWriteResult(string? Etag, string? StoredEtag)
{
    public static GrainStateWriteResult Written(long version) => new(VersionEtag.Format(version), null);

    public static GrainStateWriteResult Conflict(string? storedEtag) => new(null, storedEtag);
}
