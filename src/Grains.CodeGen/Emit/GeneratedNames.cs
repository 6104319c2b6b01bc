using System.Collections.Generic;
using System.Text;
using Grains.CodeGen.Analysis;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Hands out generated type names, unique within their namespace. Names are readable (<c>ICounterGrain_Add_Request</c>)
/// and only get a numeric suffix when two sources would otherwise spell the same name.
/// </summary>
internal sealed class GeneratedNames
{
    private readonly Dictionary<string, HashSet<string>> _usedByNamespace = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _usedHintNames = new(System.StringComparer.OrdinalIgnoreCase);

    public string Allocate(string generatedNamespace, string desired)
    {
        if (!_usedByNamespace.TryGetValue(generatedNamespace, out var used))
        {
            used = new HashSet<string>(System.StringComparer.Ordinal);
            _usedByNamespace.Add(generatedNamespace, used);
        }

        var baseName = ToIdentifier(desired);
        var name = baseName;
        for (var suffix = 2; !used.Add(name); suffix++)
        {
            name = baseName + "_" + suffix;
        }

        return SymbolNames.EscapeIdentifier(name);
    }

    /// <summary>A file name for AddSource: identifier characters and dots only, unique ignoring case.</summary>
    public string AllocateHintName(string desired)
    {
        var builder = new StringBuilder(desired.Length);
        foreach (var c in desired)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        var baseName = builder.ToString();
        var name = baseName;
        for (var suffix = 2; !_usedHintNames.Add(name); suffix++)
        {
            name = baseName + "_" + suffix;
        }

        return name + ".g.cs";
    }

    /// <summary>Replaces what cannot appear in an identifier, e.g. the dots and dashes of an assembly name.</summary>
    public static string ToIdentifier(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
