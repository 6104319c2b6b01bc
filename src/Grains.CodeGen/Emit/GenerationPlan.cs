using System.Collections.Generic;
using System.Linq;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Decides, for a whole compilation, which types are generated, what they are called and which file holds each, so
/// every name is unique and every request class exists exactly once.
/// </summary>
internal sealed class GenerationPlan
{
    private readonly Dictionary<(string Interface, string Method), RequestPlan> _requests = [];

    private GenerationPlan(string metadataClassName, string metadataHintName)
    {
        MetadataClassName = metadataClassName;
        MetadataHintName = metadataHintName;
    }

    public List<InterfacePlan> Interfaces { get; } = [];

    public List<InheritedRequestsPlan> InheritedRequests { get; } = [];

    public List<GrainClassPlan> GrainClasses { get; } = [];

    public string MetadataClassName { get; }

    public string MetadataFullName => "global::" + GeneratedSource.RootNamespace + "." + MetadataClassName;

    public string MetadataHintName { get; }

    /// <summary>Every request class, in registration order.</summary>
    public IEnumerable<RequestPlan> AllRequests =>
        Interfaces.SelectMany(static i => i.OwnRequests).Concat(InheritedRequests.SelectMany(static r => r.Requests));

    public RequestPlan RequestFor(GrainMethodModel method) => _requests[Key(method)];

    public static GenerationPlan Create(GrainAssemblyModel assembly)
    {
        var names = new GeneratedNames();
        var metadataClassName = names.Allocate(GeneratedSource.RootNamespace, "GeneratedGrainMetadata_" + assembly.AssemblyName);
        var plan = new GenerationPlan(metadataClassName, names.AllocateHintName(GeneratedSource.RootNamespace + "." + metadataClassName));

        // Each type is read once, but a duplicate would make two request classes claim one key, so guard anyway;
        // sorting keeps names stable whatever the file order.
        var interfaces = assembly.Interfaces
            .GroupBy(static i => i.Identity.MetadataName, System.StringComparer.Ordinal)
            .Select(static g => g.First())
            .OrderBy(static i => i.Identity.MetadataName, System.StringComparer.Ordinal)
            .ToList();
        var generatedHere = new HashSet<string>(interfaces.Select(static i => i.Identity.MetadataName), System.StringComparer.Ordinal);

        foreach (var model in interfaces)
        {
            var ns = GeneratedSource.NamespaceFor(model.Identity.Namespace);
            var own = model.Methods
                .Where(m => m.DeclaringInterface.MetadataName == model.Identity.MetadataName)
                .Select(m => plan.AddRequest(names, m))
                .ToList();
            var proxyName = names.Allocate(ns, model.ProxyBaseName + "Proxy");
            plan.Interfaces.Add(new InterfacePlan(model, ns, proxyName, names.AllocateHintName(ns + "." + proxyName), own));
        }

        var inherited = interfaces
            .SelectMany(static i => i.Methods)
            .Where(m => !generatedHere.Contains(m.DeclaringInterface.MetadataName))
            .GroupBy(static m => m.DeclaringInterface.MetadataName, System.StringComparer.Ordinal)
            .OrderBy(static g => g.Key, System.StringComparer.Ordinal);
        foreach (var group in inherited)
        {
            var identity = group.First().DeclaringInterface;
            var requests = group
                .Where(m => !plan._requests.ContainsKey(Key(m)))
                .Select(m => plan.AddRequest(names, m))
                .ToList();
            var hintName = names.AllocateHintName(GeneratedSource.NamespaceFor(identity.Namespace) + "." + identity.NamePath + ".Requests");
            plan.InheritedRequests.Add(new InheritedRequestsPlan(identity, hintName, requests));
        }

        var grainClasses = assembly.GrainClasses
            .GroupBy(static c => c.MetadataName, System.StringComparer.Ordinal)
            .Select(static g => g.First())
            .OrderBy(static c => c.MetadataName, System.StringComparer.Ordinal);
        foreach (var model in grainClasses)
        {
            var ns = GeneratedSource.NamespaceFor(model.Namespace);
            var activatorName = names.Allocate(ns, model.NamePath + "Activator");
            plan.GrainClasses.Add(new GrainClassPlan(model, ns, activatorName, names.AllocateHintName(ns + "." + activatorName)));
        }

        return plan;
    }

    /// <summary>Distinct interfaces that share a wire name: the runtime could not tell their messages apart.</summary>
    public IEnumerable<(InterfaceIdentity First, InterfaceIdentity Second)> FindWireNameClashes()
    {
        var seen = new Dictionary<string, InterfaceIdentity>(System.StringComparer.Ordinal);
        var identities = Interfaces.Select(static i => i.Model.Identity).Concat(InheritedRequests.Select(static r => r.Interface));
        foreach (var identity in identities)
        {
            if (!seen.TryGetValue(identity.WireName, out var first))
            {
                seen.Add(identity.WireName, identity);
            }
            else if (first.MetadataName != identity.MetadataName)
            {
                yield return (first, identity);
            }
        }
    }

    private static (string, string) Key(GrainMethodModel method) => (method.DeclaringInterface.MetadataName, method.WireName);

    private RequestPlan AddRequest(GeneratedNames names, GrainMethodModel method)
    {
        var ns = GeneratedSource.NamespaceFor(method.DeclaringInterface.Namespace);
        var name = names.Allocate(ns, method.DeclaringInterface.NamePath + "_" + method.Name.TrimStart('@') + "_Request");
        var request = new RequestPlan(method, ns, name);
        _requests.Add(Key(method), request);
        return request;
    }
}
