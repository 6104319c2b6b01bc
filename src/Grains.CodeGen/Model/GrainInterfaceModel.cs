namespace Grains.CodeGen.Model;

/// <summary>A valid grain interface: everything its proxy and request classes need.</summary>
/// <param name="Identity">The interface's names.</param>
/// <param name="ProxyBaseName">The name the proxy class is derived from, e.g. <c>CounterGrain</c>.</param>
/// <param name="Methods">Its own methods first, then those it inherits, in declaration order.</param>
internal sealed record GrainInterfaceModel(InterfaceIdentity Identity, string ProxyBaseName, EquatableArray<GrainMethodModel> Methods);
