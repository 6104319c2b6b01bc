namespace Grains.CodeGen.Emit;

/// <summary>
/// Writes the assembly's metadata class, which registers every proxy, method descriptor and activator with the runtime,
/// and the assembly attribute through which the runtime finds it.
/// </summary>
internal static class MetadataEmitter
{
    public static void Emit(CodeWriter writer, GenerationPlan plan)
    {
        writer.Line($"[assembly: global::Grains.Runtime.GrainAssemblyAttribute(typeof({plan.MetadataFullName}))]");
        writer.Line();
        using (writer.Open("namespace " + GeneratedSource.RootNamespace))
        {
            GeneratedSource.TypeAttributes(writer);
            using (writer.Open($"internal sealed class {plan.MetadataClassName} : global::Grains.Runtime.IGrainAssemblyMetadata"))
            using (writer.Open("public void Populate(global::Grains.Runtime.GrainMetadataBuilder builder)"))
            {
                foreach (var grainInterface in plan.Interfaces)
                {
                    var identity = grainInterface.Model.Identity;
                    writer.Line(
                        $"builder.AddInterface(typeof({identity.FullyQualifiedName}), {GeneratedSource.Literal(identity.WireName)}, " +
                        $"static (invoker, grainId, responseTimeout) => new {grainInterface.ProxyFullName}(invoker, grainId, responseTimeout));");
                }

                foreach (var request in plan.AllRequests)
                {
                    writer.Line($"builder.AddMethod({request.FullName}.Descriptor);");
                }

                foreach (var grainClass in plan.GrainClasses)
                {
                    writer.Line($"builder.AddGrainClass(typeof({grainClass.Model.FullyQualifiedName}), {grainClass.ActivatorFullName}.Create);");
                }
            }
        }
    }
}
