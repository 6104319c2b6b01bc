using System.Collections.Generic;
using System.Linq;
using Grains.CodeGen.Analysis;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Writes the request class of one grain method: its arguments as fields, its descriptor, the call on the grain, and
/// the argument array's JSON form both ways.
/// </summary>
internal static class RequestEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Arguments = "global::Grains.Runtime.GrainArguments";

    public static void Emit(CodeWriter writer, RequestPlan request)
    {
        var method = request.Method;
        var resultType = method.ResultType ?? "global::Grains.Runtime.None";
        var parameters = method.Parameters;

        GeneratedSource.TypeAttributes(writer);
        using (writer.Open($"internal sealed class {request.ClassName} : global::Grains.Runtime.GrainRequest<{resultType}>"))
        {
            writer.Line("internal static readonly global::Grains.Runtime.GrainMethodDescriptor Descriptor =");
            writer.Line(
                $"    new({GeneratedSource.Literal(method.DeclaringInterface.WireName)}, {GeneratedSource.Literal(method.WireName)}, " +
                $"{FlagsExpression(method.Flags)}, {TimeoutExpression(method.ResponseTimeout)}, Read);");
            writer.Line();

            for (var i = 0; i < parameters.Count; i++)
            {
                // Non-nullable reference fields are always assigned by the proxy or the reader; say so to the compiler.
                var initializer = parameters[i].IsValueType || parameters[i].Type.EndsWith("?", System.StringComparison.Ordinal) ? "" : " = default!";
                writer.Line($"public {parameters[i].Type} Arg{i}{initializer};");
            }

            if (parameters.Count > 0)
            {
                writer.Line();
            }

            writer.Line("public override global::Grains.Runtime.GrainMethodDescriptor Method => Descriptor;");
            writer.Line();

            writer.Line($"protected override global::System.Threading.Tasks.ValueTask<{resultType}> InvokeCoreAsync(object grain) =>");
            writer.Line("    " + InvokeExpression(method) + ";");
            writer.Line();

            using (writer.Open($"protected override void WriteArguments({Json}.Utf8JsonWriter writer, {Json}.JsonSerializerOptions options)"))
            {
                writer.Line("writer.WriteStartArray();");
                for (var i = 0; i < parameters.Count; i++)
                {
                    writer.Line($"{Arguments}.Write<{parameters[i].Type}>(writer, Arg{i}, options);");
                }

                writer.Line("writer.WriteEndArray();");
            }

            writer.Line();
            using (writer.Open($"private static global::Grains.Runtime.GrainRequest Read(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)"))
            {
                writer.Line($"var request = new {request.ClassName}();");
                writer.Line($"{Arguments}.ReadStartArray(ref reader);");
                for (var i = 0; i < parameters.Count; i++)
                {
                    writer.Line($"request.Arg{i} = {Arguments}.Read<{parameters[i].Type}>(ref reader, options);");
                }

                writer.Line($"{Arguments}.ReadEndArray(ref reader);");
                writer.Line("return request;");
            }
        }
    }

    private static string InvokeExpression(GrainMethodModel method)
    {
        var arguments = string.Join(", ", Enumerable.Range(0, method.Parameters.Count).Select(static i => "Arg" + i));
        var call = $"(({method.DeclaringInterface.FullyQualifiedName})grain).{method.Name}({arguments})";
        return method.ReturnKind switch
        {
            ReturnKind.TaskOfT => $"new({call})",
            ReturnKind.ValueTaskOfT => call,
            ReturnKind.Task => $"FromTask({call})",
            _ => $"FromValueTask({call})",
        };
    }

    private static string FlagsExpression(int flags)
    {
        const string Flags = "global::Grains.Runtime.GrainMethodFlags.";
        var names = new List<string>();
        if ((flags & GrainMethodFlagValues.ReadOnly) != 0)
        {
            names.Add(Flags + "ReadOnly");
        }

        if ((flags & GrainMethodFlagValues.AlwaysInterleave) != 0)
        {
            names.Add(Flags + "AlwaysInterleave");
        }

        return names.Count == 0 ? Flags + "None" : string.Join(" | ", names);
    }

    private static string TimeoutExpression(string? timeout) =>
        timeout is null
            ? "null"
            : $"global::System.TimeSpan.Parse({GeneratedSource.Literal(timeout)}, global::System.Globalization.CultureInfo.InvariantCulture)";
}
