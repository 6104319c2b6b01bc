using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Grains.CodeGen.Model;

/// <summary>A source location without a reference to its syntax tree, so diagnostics can flow through cached models.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path, location.SourceSpan, lineSpan.Span);
    }
}
