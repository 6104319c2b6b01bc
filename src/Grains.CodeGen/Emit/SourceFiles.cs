using System;

namespace Grains.CodeGen.Emit;

/// <summary>Lays out each generated file: header, namespace, then the types the plan puts in it.</summary>
internal static class SourceFiles
{
    public static string ForInterface(InterfacePlan plan, GenerationPlan generation) =>
        InNamespace(plan.Namespace, writer =>
        {
            foreach (var request in plan.OwnRequests)
            {
                RequestEmitter.Emit(writer, request);
                writer.Line();
            }

            ProxyEmitter.Emit(writer, plan, generation);
        });

    public static string ForInheritedRequests(InheritedRequestsPlan plan) =>
        InNamespace(plan.Requests[0].Namespace, writer =>
        {
            for (var i = 0; i < plan.Requests.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                RequestEmitter.Emit(writer, plan.Requests[i]);
            }
        });

    public static string ForGrainClass(GrainClassPlan plan) =>
        InNamespace(plan.Namespace, writer => ActivatorEmitter.Emit(writer, plan));

    public static string ForMetadata(GenerationPlan plan)
    {
        var writer = GeneratedSource.StartFile();
        MetadataEmitter.Emit(writer, plan);
        return writer.ToString();
    }

    private static string InNamespace(string ns, Action<CodeWriter> body)
    {
        var writer = GeneratedSource.StartFile();
        using (writer.Open("namespace " + ns))
        {
            body(writer);
        }

        return writer.ToString();
    }
}
