using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grains.CodeGen.Analysis;

/// <summary>Spells a parameter's default value as a C# expression, for an activator to fall back to.</summary>
internal static class DefaultValueFormatter
{
    public static string Format(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is not { } value)
        {
            return "default";
        }

        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : parameter.Type;
        var literal = FormatLiteral(value);
        return type.TypeKind == TypeKind.Enum
            ? "(" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + literal + ")"
            : literal;
    }

    private static string FormatLiteral(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char character => SymbolDisplay.FormatLiteral(character, quote: true),
        bool flag => flag ? "true" : "false",
        float number => FormatFloat(number),
        double number => FormatDouble(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "M",
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        ulong number => number.ToString(CultureInfo.InvariantCulture) + "UL",
        uint number => number.ToString(CultureInfo.InvariantCulture) + "U",
        _ => string.Format(CultureInfo.InvariantCulture, "{0}", value),
    };

    private static string FormatFloat(float number) =>
        float.IsNaN(number) ? "float.NaN"
        : float.IsPositiveInfinity(number) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(number) ? "float.NegativeInfinity"
        : number.ToString("R", CultureInfo.InvariantCulture) + "F";

    private static string FormatDouble(double number) =>
        double.IsNaN(number) ? "double.NaN"
        : double.IsPositiveInfinity(number) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(number) ? "double.NegativeInfinity"
        : number.ToString("R", CultureInfo.InvariantCulture) + "D";
}
