using System.Linq;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Writes the proxy of one grain interface: a grain reference that turns every call into a request. Methods are
/// implemented explicitly so they never clash with members of <c>GrainReference</c> or with each other.
/// </summary>
internal static class ProxyEmitter
{
    public static void Emit(CodeWriter writer, InterfacePlan plan, GenerationPlan generation)
    {
        const string Timeout = "global::System.TimeSpan?";

        GeneratedSource.TypeAttributes(writer);
        using (writer.Open($"internal sealed class {plan.ProxyName} : global::Grains.Runtime.GrainReference, {plan.Model.Identity.FullyQualifiedName}"))
        {
            writer.Line($"public {plan.ProxyName}(global::Grains.Runtime.IGrainCallInvoker invoker, global::Grains.GrainId grainId, {Timeout} responseTimeout)");
            writer.Line("    : base(invoker, grainId, responseTimeout)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.Line($"protected override global::Grains.Runtime.GrainReference WithResponseTimeoutCore({Timeout} responseTimeout) =>");
            writer.Line($"    new {plan.ProxyName}(Invoker, GrainId, responseTimeout);");

            foreach (var method in plan.Model.Methods)
            {
                writer.Line();
                EmitMethod(writer, method, generation.RequestFor(method));
            }
        }
    }

    private static void EmitMethod(CodeWriter writer, GrainMethodModel method, RequestPlan request)
    {
        var parameters = string.Join(", ", method.Parameters.Select(static p => p.Type + " " + p.Name));
        var initializer = method.Parameters.Count == 0
            ? "()"
            : " { " + string.Join(", ", method.Parameters.Select(static (p, i) => $"Arg{i} = {p.Name}")) + " }";
        var invoke = method.ReturnKind switch
        {
            ReturnKind.TaskOfT => "InvokeTaskAsync",
            ReturnKind.Task => "InvokeVoidTaskAsync",
            ReturnKind.ValueTaskOfT => "InvokeValueTaskAsync",
            _ => "InvokeVoidValueTaskAsync",
        };

        writer.Line($"{method.ReturnType} {method.DeclaringInterface.FullyQualifiedName}.{method.Name}({parameters}) =>");
        writer.Line($"    {invoke}(new {request.FullName}{initializer});");
    }
}
