using System.Collections.Generic;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>One grain interface's file: its proxy and the request classes of the methods it declares itself.</summary>
internal sealed record InterfacePlan(GrainInterfaceModel Model, string Namespace, string ProxyName, string HintName, IReadOnlyList<RequestPlan> OwnRequests)
{
    public string ProxyFullName => "global::" + Namespace + "." + ProxyName;
}
