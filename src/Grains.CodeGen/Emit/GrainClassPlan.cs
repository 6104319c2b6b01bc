using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>One grain class's activator.</summary>
internal sealed record GrainClassPlan(GrainClassModel Model, string Namespace, string ActivatorName, string HintName)
{
    public string ActivatorFullName => "global::" + Namespace + "." + ActivatorName;
}
