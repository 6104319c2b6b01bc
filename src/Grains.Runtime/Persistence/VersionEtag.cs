using System.Globalization;

namespace Grains.Storage;

/// <summary>ETags of durable providers that are integer versions, written as invariant decimal strings.</summary>
public static class VersionEtag
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses an ETag such a provider issued. Only the canonical spelling parses, so that ETags compare as strings:
    /// "007" is not the ETag "7".
    /// </summary>
    public static bool TryParse(string? etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version)
        && string.Equals(Format(version), etag, StringComparison.Ordinal);
}
