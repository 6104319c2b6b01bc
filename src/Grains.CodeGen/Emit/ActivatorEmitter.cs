using System.Linq;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Writes the activator of one grain class: a direct constructor call whose arguments come from the container or,
/// for <c>[PersistentState]</c> parameters, from the activation.
/// </summary>
internal static class ActivatorEmitter
{
    private const string Services = "global::System.IServiceProvider";

    public static void Emit(CodeWriter writer, GrainClassPlan plan)
    {
        var model = plan.Model;
        GeneratedSource.TypeAttributes(writer);
        using (writer.Open($"internal static class {plan.ActivatorName}"))
        {
            writer.Line($"public static global::Grains.Grain Create({Services} services, global::Grains.Runtime.IGrainActivationContext context) =>");
            if (model.Arguments.Count == 0)
            {
                writer.Line($"    new {model.FullyQualifiedName}();");
            }
            else
            {
                writer.Line($"    new {model.FullyQualifiedName}(");
                for (var i = 0; i < model.Arguments.Count; i++)
                {
                    var separator = i == model.Arguments.Count - 1 ? ");" : ",";
                    writer.Line("        " + ArgumentExpression(model.Arguments[i]) + separator);
                }
            }

            if (model.Arguments.Any(static a => a.Kind == ConstructorArgumentKind.RequiredService))
            {
                writer.Line();
                writer.Line($"private static T Required<T>({Services} services) =>");
                writer.Line("    services.GetService(typeof(T)) is T service");
                writer.Line("        ? service");
                writer.Line("        : throw new global::System.InvalidOperationException(");
                writer.Line($"            \"No service for type '\" + typeof(T) + \"' is registered; grain class '{Escape(model.MetadataName)}' needs it.\");");
            }

            if (model.Arguments.Any(static a => a.Kind == ConstructorArgumentKind.OptionalService))
            {
                writer.Line();
                writer.Line($"private static T Optional<T>({Services} services, T fallback) =>");
                writer.Line("    services.GetService(typeof(T)) is T service ? service : fallback;");
            }
        }
    }

    private static string ArgumentExpression(ConstructorArgumentModel argument) => argument.Kind switch
    {
        ConstructorArgumentKind.PersistentState =>
            $"context.GetPersistentState<{argument.Type}>({GeneratedSource.Literal(argument.StateName!)}, " +
            $"{(argument.StorageName is null ? "null" : GeneratedSource.Literal(argument.StorageName))})",
        ConstructorArgumentKind.OptionalService => $"Optional<{argument.Type}>(services, {argument.Fallback})",
        _ => $"Required<{argument.Type}>(services)",
    };

    // The class name goes inside a string literal written by hand above, so quote-escape it.
    private static string Escape(string text)
    {
        var literal = GeneratedSource.Literal(text);
        return literal.Substring(1, literal.Length - 2);
    }
}
