using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>The request class generated for one grain method.</summary>
internal sealed record RequestPlan(GrainMethodModel Method, string Namespace, string ClassName)
{
    public string FullName => "global::" + Namespace + "." + ClassName;
}
